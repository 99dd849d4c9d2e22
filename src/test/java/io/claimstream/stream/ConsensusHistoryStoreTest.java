package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.consensus.Standing;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consensus store keeps each key's standing and the history store every claim: an in-order claim is taken
 * from the stored standing alone, and whatever path a claim takes, the stored standing must be the one the engine
 * computes from the stored history.
 */
class ConsensusHistoryStoreTest {
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");
    private static final int LIMIT = 8;

    private final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults());
    private TopologyHarness harness;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, ConsensusChange> changes;
    private TestOutputTopic<String, Consensus> table;

    @BeforeEach
    void start() {
        harness = new TopologyHarness(engine, ClaimstreamTopology.Options.defaults().withHistoryLimit(LIMIT));
        driver = harness.driver;
        articles = harness.articles;
        changes = harness.changes;
        table = harness.table;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void publish(String id, String source, double billions, Instant published) {
        Article a = Article.newBuilder().setId(id).setSource(source).setPublished(published)
                .setText("Acme Corp. agreed to buy Widget Inc. for $" + billions + " billion in cash, the companies said.")
                .build();
        articles.pipeInput(id, a, published);
    }

    private KeyValueStore<String, Consensus> consensus() {
        return driver.getKeyValueStore(ConsensusProcessor.STORE);
    }

    private KeyHistory history(String key) {
        KeyValueStore<String, HistoryEntry> store = driver.getKeyValueStore(ClaimHistoryStore.NAME);
        return ClaimHistoryStore.load(store, key);
    }

    /** The stored standing is the engine's over the stored history, and the published figure is the last change's. */
    private void assertConsistent(String key, List<ConsensusChange> emitted) {
        Consensus stored = consensus().get(key);
        KeyHistory h = history(key);
        Standing expected = engine.current(h);
        assertThat(stored.getHistorySize()).isEqualTo(h.size());
        assertThat(AvroMapping.currentClaims(stored))
                .isEqualTo(expected.claims().stream().map(w -> w.evidence()).toList());
        assertThat(stored.getFigure()).isEqualTo(AvroMapping.figure(expected.figure()));
        ConsensusChange last = emitted.get(emitted.size() - 1);
        assertThat(stored.getPublished()).isEqualTo(last.getAfter());
        assertThat(stored.getEventTime().toEpochMilli()).isEqualTo(h.latestEventTime());
    }

    @Test
    void eachEntryCarriesTheCheckpointOfTheReplayAfterIt() {
        // in order, then late claims landing at different places in the past (under the cap: nothing compacted)
        publish("a0", "outlet0.example", 2.0, T0.plusSeconds(600));
        publish("a1", "outlet1.example", 2.5, T0.plusSeconds(1200));
        publish("a2", "outlet2.example", 2.5, T0.plusSeconds(1800));
        publish("late0", "old0.example", 3.0, T0.plusSeconds(900));
        publish("late1", "old1.example", 3.0, T0.plusSeconds(60));
        publish("late2", "old2.example", 2.0, T0.plusSeconds(1500));
        List<ConsensusChange> emitted = changes.readValuesToList();
        String key = emitted.get(0).getKey();
        KeyValueStore<String, HistoryEntry> store = driver.getKeyValueStore(ClaimHistoryStore.NAME);
        ClaimHistoryStore.Stored stored = ClaimHistoryStore.loadWithCheckpoints(store, key);
        assertThat(stored.history().size()).isEqualTo(6);
        assertThat(stored.checkpoints()).isEqualTo(engine.checkpoints(stored.history()));
        assertConsistent(key, emitted);
    }

    @Test
    void aLongInOrderCoverageIsCappedAndStaysConsistent() {
        double[] values = {2.0, 2.0, 2.5, 2.5, 2.5, 3.0, 2.0, 3.0, 3.0, 3.0};
        for (int i = 0; i < 40; i++) {
            publish("a" + i, "outlet" + (i % 3) + ".example", values[i % values.length], T0.plusSeconds(60L * i));
        }
        List<ConsensusChange> emitted = changes.readValuesToList();
        assertThat(emitted).hasSizeGreaterThan(1);
        String key = emitted.get(0).getKey();
        KeyHistory h = history(key);
        assertThat(h.size()).as("compacted in batches past the limit").isBetween(3, LIMIT + LIMIT / 4 + 1);
        assertConsistent(key, emitted);
        assertThat(table.readValuesToList()).allSatisfy(c -> assertThat(c.getClaims()).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void aLateClaimIsReplayedIntoTheHistoryAndARedeliveryChangesNothing() {
        for (int i = 0; i < 6; i++) publish("a" + i, "outlet" + i + ".example", 2.0, T0.plusSeconds(60L * (i + 10)));
        List<ConsensusChange> emitted = new java.util.ArrayList<>(changes.readValuesToList());
        String key = emitted.get(0).getKey();

        // three sources older than all of the above, all at 5 billion: the past is rewritten, the figure holds
        // (six sources at 2 outweigh three at 5) and nothing is emitted
        for (int i = 0; i < 3; i++) publish("late" + i, "old" + i + ".example", 5.0, T0.plusSeconds(i));
        assertThat(changes.readValuesToList()).isEmpty();
        assertThat(history(key).size()).isEqualTo(9);
        assertConsistent(key, emitted);

        // a late correction that does move the current figure: every current source now says 7 billion, late
        for (int i = 0; i < 6; i++) publish("a" + i + "-fix", "outlet" + i + ".example", 7.0, T0.plusSeconds(60L * (i + 10) + 1));
        List<ConsensusChange> moved = changes.readValuesToList();
        assertThat(moved).isNotEmpty();
        assertThat(moved.get(moved.size() - 1).getAfter().getValue()).isEqualTo(7e9);
        emitted.addAll(moved);
        assertConsistent(key, emitted);

        table.readValuesToList();
        publish("a5-fix", "outlet5.example", 7.0, T0.plusSeconds(60L * 15 + 1)); // redelivered
        assertThat(table.readValuesToList()).isEmpty();
        assertThat(changes.readValuesToList()).isEmpty();
    }
}
