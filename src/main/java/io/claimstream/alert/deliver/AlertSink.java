package io.claimstream.alert.deliver;

import io.claimstream.avro.Alert;

/** Somewhere alerts go. {@link #deliver} returns only once the alert is accepted there. */
public interface AlertSink {
    /** Short and stable: it names the sink in messages and its file of delivered ids. */
    String name();

    void deliver(Alert alert) throws DeliveryException;
}
