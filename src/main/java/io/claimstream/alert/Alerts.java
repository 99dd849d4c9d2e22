package io.claimstream.alert;

import io.claimstream.avro.Alert;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Consensus changes to alerts: which ones (the watchlist) and what they say. */
public final class Alerts {
    private Alerts() {}

    /** The alert this change is worth under the watchlist, if any. */
    public static Optional<Alert> of(ConsensusChange c, Watchlist watchlist) {
        return watchlist.alertFor(c.getKey(), representative(c.getBefore()), representative(c.getAfter()))
                .map(rule -> toAlert(c, rule));
    }

    static Alert toAlert(ConsensusChange c, AlertRule rule) {
        return Alert.newBuilder()
                .setId(id(c))
                .setKey(c.getKey()).setSubject(c.getSubject()).setCounterparty(c.getCounterparty())
                .setAttribute(c.getAttribute()).setQualifier(c.getQualifier()).setUnit(c.getUnit())
                .setBefore(c.getBefore()).setAfter(c.getAfter()).setSources(c.getSources())
                .setTrigger(c.getTrigger()).setEventTime(c.getEventTime()).setCorrection(c.getCorrection())
                .setRule(rule.toString())
                .setMessage(AlertMessage.render(c))
                .build();
    }

    /**
     * The idempotency key: the same change (key, event time, new figure, triggering article) gets the same id
     * however often it is derived, replayed or delivered, so receivers can drop repeats.
     */
    public static String id(ConsensusChange c) {
        Figure a = c.getAfter();
        String material = c.getKey() + '\n' + c.getEventTime().toEpochMilli() + '\n'
                + (a == null ? "none" : a.getBound() + ":" + a.getValue() + ":" + a.getValueHigh()) + '\n'
                + c.getTrigger().getArticleId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One number for a figure, to measure moves by: a range by its middle. */
    static Double representative(Figure f) {
        if (f == null) return null;
        if (f.getValueHigh() != null) return (f.getValue() + f.getValueHigh()) / 2;
        return f.getValue();
    }
}
