package io.claimstream.cli;

import java.util.function.LongConsumer;

/** Shows a long replay's progress on stderr: records left, at most once a second. */
final class LagReporter implements LongConsumer {
    private final String what;
    private long lastReport;
    private long first = -1;

    LagReporter(String what) {
        this.what = what;
    }

    @Override
    public void accept(long lag) {
        if (first < 0) first = lag;
        long now = System.currentTimeMillis();
        if (lag > 0 && now - lastReport >= 1000) {
            lastReport = now;
            long done = Math.max(0, first - lag);
            System.err.printf("claimstream: %s: %d records left%s%n", what, lag,
                    first > 0 ? String.format(" (%d%% done)", 100 * done / first) : "");
        }
    }
}
