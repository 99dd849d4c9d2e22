package io.claimstream.alert.deliver;

/**
 * A sink did not accept an alert. Permanent when trying again cannot help (the receiver refused this alert, e.g.
 * HTTP 400); otherwise the alert is tried again later and nothing after it is delivered first.
 */
public final class DeliveryException extends Exception {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
