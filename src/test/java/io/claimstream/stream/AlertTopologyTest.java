package io.claimstream.stream;

import io.claimstream.alert.Watchlist;
import io.claimstream.avro.Alert;
import io.claimstream.avro.Bound;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.avro.Trigger;
import io.claimstream.serde.MockSchemaRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchlist step on a stream of changes: what reaches the alerts topic, and that a replay's prefix keeps it apart. */
class AlertTopologyTest {
    private final String scope = "alert-topology-" + UUID.randomUUID();
    private TopologyTestDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) driver.close();
        MockSchemaRegistry.drop(scope);
    }

    private List<Alert> run(String prefix, Watchlist watchlist, ConsensusChange... input) {
        Topics topics = new Topics(Map.of("schema.registry.url", "mock://" + scope), prefix);
        StreamsBuilder builder = new StreamsBuilder();
        var changes = topics.changes();
        AlertTopology.addTo(builder.stream(changes.name(), Consumed.with(changes.keySerde(), changes.valueSerde())), topics, watchlist);
        Properties props = StreamsSettings.defaults();
        props.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        var in = driver.createInputTopic(changes.name(), changes.keySerde().serializer(), changes.valueSerde().serializer());
        for (ConsensusChange c : input) in.pipeInput(c.getKey(), c);
        if (watchlist.isEmpty()) return List.of();
        var alerts = topics.alerts();
        return driver.createOutputTopic(alerts.name(), alerts.keySerde().deserializer(), alerts.valueSerde().deserializer()).readValuesToList();
    }

    private static ConsensusChange change(String key, Double before, double after, String article) {
        return ConsensusChange.newBuilder()
                .setKey(key).setSubject("acme").setCounterparty("widget").setAttribute("deal_value").setUnit("USD")
                .setBefore(before == null ? null : new Figure(before, null, Bound.exact)).setAfter(new Figure(after, null, Bound.exact))
                .setSources(2)
                .setTrigger(Trigger.newBuilder().setArticleId(article).setSource("wire.example").setEvidence("Acme raised its offer to $2.4 billion.")
                        .setStart(0).setEnd(10).build())
                .setEventTime(Instant.parse("2026-11-23T06:00:00Z"))
                .build();
    }

    @Test
    void onlyWatchedShiftsBecomeAlerts() {
        List<Alert> alerts = run("", Watchlist.parse("*:deal_value 10%", "test"),
                change("acme>widget:deal_value", null, 2e9, "a1"),      // first figure
                change("acme>widget:deal_value", 2e9, 2.1e9, "a2"),     // 5%: below the threshold
                change("acme>widget:deal_value", 2.1e9, 2.4e9, "a3"),   // 14%
                change("acme>widget:valuation", 1e9, 5e9, "a4"));       // not watched

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.getKey()).isEqualTo("acme>widget:deal_value");
            assertThat(a.getBefore().getValue()).isEqualTo(2.1e9);
            assertThat(a.getAfter().getValue()).isEqualTo(2.4e9);
            assertThat(a.getMessage()).startsWith("Acme→Widget deal value: $2.1B → $2.4B, per wire.example");
            assertThat(a.getRule()).isEqualTo("*:deal_value 10%");
        });
    }

    @Test
    void aReplayWritesItsAlertsToItsOwnPrefixedTopic() {
        List<Alert> alerts = run("claimstream-replay-1234.", Watchlist.parse("*:deal_value", "test"),
                change("acme>widget:deal_value", 2e9, 2.4e9, "a3"));
        assertThat(alerts).hasSize(1);
        assertThat(driver.producedTopicNames()).contains("claimstream-replay-1234.alerts").doesNotContain(Topics.ALERTS);
    }

    @Test
    void anEmptyWatchlistAddsNothing() {
        run("", Watchlist.EMPTY, change("acme>widget:deal_value", 2e9, 2.4e9, "a3"));
        assertThat(driver.producedTopicNames()).doesNotContain(Topics.ALERTS);
    }
}
