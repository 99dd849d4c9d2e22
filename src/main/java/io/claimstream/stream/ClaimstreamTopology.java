package io.claimstream.stream;

import io.claimstream.alert.Watchlist;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.extract.ClaimExtractor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Properties;

/**
 * The claimstream topology, and nothing but wiring:
 *
 * <pre>
 * articles ─▶ extract claims ─▶ re-key by claim key ─▶ (claims repartition) ─▶ consensus store ─┬─▶ consensus
 *                                                                             (+ consensus-history) │
 *                                                                                               ├─▶ consensus-corroborations
 *                                                                                               └─▶ consensus-changes
 *                                                                                                    └─▶ watchlist ─▶ alerts
 * </pre>
 * No I/O happens here; the runner owns clients and lifecycles.
 */
public final class ClaimstreamTopology {
    private ClaimstreamTopology() {}

    /**
     * What a deployment adds to the wiring: which changes also become alerts, where the processors report their
     * work, and how many claims per key the consensus store keeps.
     *
     * @param watchlist    the changes it cares about also go to the alerts topic (nothing is added for an empty one)
     * @param metrics      counters and timers of the processors' work
     * @param historyLimit claims kept per key in the consensus store, 0 for all ({@code consensus.history.limit};
     *                     see {@link io.claimstream.consensus.KeyHistory#compacted})
     */
    public record Options(Watchlist watchlist, PipelineMetrics metrics, int historyLimit) {
        public static Options defaults() {
            return new Options(Watchlist.EMPTY, PipelineMetrics.NONE, 0);
        }

        public Options withWatchlist(Watchlist w) {
            return new Options(w, metrics, historyLimit);
        }

        public Options withMetrics(PipelineMetrics m) {
            return new Options(watchlist, m, historyLimit);
        }

        public Options withHistoryLimit(int limit) {
            return new Options(watchlist, metrics, limit);
        }
    }

    /**
     * @param streamsConfig the application's Streams configuration (topology-level settings are read from it)
     */
    public static Topology build(Topics topics, ClaimExtractor extractor, ConsensusEngine engine, Options options,
                                 Properties streamsConfig) {
        PipelineMetrics metrics = options.metrics();
        Watchlist watchlist = options.watchlist();
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsConfig)));

        StoreBuilder<KeyValueStore<String, String>> articleKeys = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ExtractClaimsProcessor.ARTICLE_KEYS_STORE), Serdes.String(), Serdes.String());
        // Caching off: every claim's effect is decided and emitted by the processor, and the store is read back by
        // interactive queries; conflating writes within a commit interval would buy nothing here.
        StoreBuilder<KeyValueStore<String, Consensus>> consensusStore = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(ConsensusProcessor.STORE),
                        Serdes.String(), topics.consensus().valueSerde())
                .withCachingDisabled();
        StoreBuilder<KeyValueStore<String, HistoryEntry>> historyStore = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(ClaimHistoryStore.NAME),
                        Serdes.String(), topics.historyEntrySerde())
                .withCachingDisabled();
        builder.addStateStore(articleKeys);
        builder.addStateStore(consensusStore);
        builder.addStateStore(historyStore);

        var articles = topics.articles();
        KStream<String, ConsensusProcessor.Outcome> outcomes = builder
                .stream(articles.name(), Consumed.with(articles.keySerde(), articles.valueSerde()).withName("read-articles"))
                .process(() -> new ExtractClaimsProcessor(extractor, metrics), Named.as("extract-claims"), ExtractClaimsProcessor.ARTICLE_KEYS_STORE)
                .repartition(Repartitioned.<String, io.claimstream.avro.Claim>as(topics.claims().name())
                        .withKeySerde(topics.claims().keySerde()).withValueSerde(topics.claims().valueSerde()))
                .process(() -> new ConsensusProcessor(engine, metrics, options.historyLimit()), Named.as("fold-consensus"),
                        ConsensusProcessor.STORE, ClaimHistoryStore.NAME);

        var consensus = topics.consensus();
        outcomes.mapValues(ConsensusProcessor.Outcome::consensus, Named.as("table-value"))
                .to(consensus.name(), Produced.with(consensus.keySerde(), consensus.valueSerde()).withName("write-consensus"));
        var changes = topics.changes();
        KStream<String, ConsensusChange> changeStream = outcomes.flatMapValues(ConsensusProcessor.Outcome::changes, Named.as("changes"));
        changeStream.to(changes.name(), Produced.with(changes.keySerde(), changes.valueSerde()).withName("write-changes"));
        var corroborations = topics.corroborations();
        outcomes.flatMapValues(ConsensusProcessor.Outcome::corroborations, Named.as("corroborations"))
                .to(corroborations.name(), Produced.with(corroborations.keySerde(), corroborations.valueSerde())
                        .withName("write-corroborations"));
        AlertTopology.addTo(changeStream, topics, watchlist);
        return builder.build();
    }
}
