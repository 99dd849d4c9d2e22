package io.claimstream.stream;

import io.claimstream.alert.Alerts;
import io.claimstream.alert.Watchlist;
import io.claimstream.avro.Alert;
import io.claimstream.avro.ConsensusChange;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;

/**
 * consensus changes ─▶ watchlist ─▶ alerts. Wired onto the change stream itself rather than a second read of the
 * consensus-changes topic: an alert is then written in the same exactly-once transaction as its change (never one
 * without the other), and switching alerts on for an existing deployment does not alert on its whole history.
 */
public final class AlertTopology {
    private AlertTopology() {}

    public static void addTo(KStream<String, ConsensusChange> changes, Topics topics, Watchlist watchlist) {
        if (watchlist.isEmpty()) return;
        var alerts = topics.alerts();
        changes.flatMapValues(change -> Alerts.of(change, watchlist).map(List::of).orElse(List.<Alert>of()), Named.as("watchlist"))
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("write-alerts"));
    }
}
