package io.claimstream.alert.deliver;

import io.claimstream.avro.Alert;

import java.io.PrintStream;

/** Alerts on the terminal, one line each. */
public final class ConsoleSink implements AlertSink {
    private final PrintStream out;

    public ConsoleSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void deliver(Alert alert) {
        out.println("ALERT " + alert.getEventTime() + "  " + alert.getMessage());
        out.flush();
    }
}
