package io.claimstream.testing;

import io.claimstream.alert.Alerts;
import io.claimstream.alert.Watchlist;
import io.claimstream.avro.Alert;
import io.claimstream.avro.Bound;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.avro.Trigger;

import java.time.Instant;

/** Alerts for tests: Acme's offer for Widget moving from $2B to {@code after}. */
public final class TestAlerts {
    private TestAlerts() {}

    public static Alert alert(double after) {
        ConsensusChange c = ConsensusChange.newBuilder()
                .setKey("acme>widget:deal_value").setSubject("acme").setCounterparty("widget").setAttribute("deal_value").setUnit("USD")
                .setBefore(new Figure(2e9, null, Bound.exact)).setAfter(new Figure(after, null, Bound.exact)).setSources(2)
                .setTrigger(Trigger.newBuilder().setArticleId("https://wire.example/raise").setSource("wire.example")
                        .setEvidence("Acme raised its offer for Widget Inc. to $2.4 billion.").setStart(0).setEnd(10).build())
                .setEventTime(Instant.parse("2026-11-23T06:00:00Z")).build();
        return Alerts.of(c, Watchlist.parse("*:deal_value", "test")).orElseThrow();
    }
}
