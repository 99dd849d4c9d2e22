package io.claimstream.cli;

import java.util.function.LongConsumer;

/**
 * Shows a long replay's progress on stderr, at most once a second: the records left to process (articles, and the
 * claims they produce, which is why the figure can rise before it falls).
 */
final class LagReporter implements LongConsumer {
    private final String what;
    private long lastReport;

    LagReporter(String what) {
        this.what = what;
    }

    @Override
    public void accept(long lag) {
        long now = System.currentTimeMillis();
        if (lag > 0 && now - lastReport >= 1000) {
            lastReport = now;
            System.err.printf("claimstream: %s: %d records left to process%n", what, lag);
        }
    }
}
