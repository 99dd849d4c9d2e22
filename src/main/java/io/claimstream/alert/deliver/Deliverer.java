package io.claimstream.alert.deliver;

import io.claimstream.avro.Alert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One alert to every sink, each sink at most once: what a sink accepted is written to its {@link DeliveredLog}, so a
 * retry after one sink failed, or a restart before the offset commit, skips the sinks that already have it.
 */
public final class Deliverer implements AutoCloseable {
    private final List<AlertSink> sinks;
    private final List<DeliveredLog> logs = new ArrayList<>();
    private final Consumer<String> status;
    private long delivered;
    private long refused;

    public Deliverer(List<AlertSink> sinks, Path stateDir, Consumer<String> status) {
        this.sinks = List.copyOf(sinks);
        for (AlertSink s : sinks) logs.add(new DeliveredLog(stateDir.resolve("delivered-" + s.name() + ".txt")));
        this.status = status;
    }

    /**
     * @return true when every sink has the alert (now or before) or refused it for good; false when a sink failed
     * in a way that may pass, and the alert must be tried again
     */
    public boolean deliver(Alert alert) {
        boolean all = true;
        for (int i = 0; i < sinks.size(); i++) {
            AlertSink sink = sinks.get(i);
            DeliveredLog log = logs.get(i);
            if (log.contains(alert.getId())) continue;
            try {
                sink.deliver(alert);
                log.add(alert.getId());
                delivered++;
            } catch (DeliveryException e) {
                if (e.permanent()) {
                    // Retrying cannot help and would hold up every alert after this one; the log file still has it.
                    status.accept(e.getMessage() + "; not retried");
                    log.add(alert.getId());
                    refused++;
                } else {
                    status.accept(e.getMessage() + "; will try again");
                    all = false;
                }
            }
        }
        return all;
    }

    public long delivered() {
        return delivered;
    }

    public long refused() {
        return refused;
    }

    @Override
    public void close() {
        logs.forEach(DeliveredLog::close);
    }
}
