package io.claimstream.stream;

import io.claimstream.avro.Alert;
import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Corroboration;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Map;

/**
 * The one place that names claimstream's topics and their serdes, so no topic name or serde is spelled twice.
 *
 * <p>Output topic names take an optional prefix: a replay for audit runs the same topology with a fresh
 * application id and must never write into the live {@code consensus-changes}.
 */
public final class Topics {
    public static final String ARTICLES = "articles";
    public static final String CONSENSUS = "consensus";
    public static final String CHANGES = "consensus-changes";
    public static final String CORROBORATIONS = "consensus-corroborations";
    public static final String DEAD_LETTERS = "claimstream-dead-letters";
    public static final String ALERTS = "alerts";

    /** A topic with the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}

    private final Topic<String, Article> articles;
    private final Topic<String, io.claimstream.avro.Claim> claims;
    private final Topic<String, Consensus> consensus;
    private final Topic<String, ConsensusChange> changes;
    private final Topic<String, Corroboration> corroborations;
    private final Topic<String, Alert> alerts;
    private final String deadLetters;
    private final Serde<HistoryEntry> historyEntries;

    /**
     * @param serdeConfig  schema registry settings ({@code schema.registry.url}, ...) passed to every Avro serde
     * @param outputPrefix prefix for the topics this application writes ("" for the live topics)
     */
    public Topics(Map<String, ?> serdeConfig, String outputPrefix) {
        this.articles = new Topic<>(ARTICLES, Serdes.String(), avro(Article.class, serdeConfig));
        // Claims travel through an internal repartition topic named after the application id (see the topology).
        this.claims = new Topic<>("claims", Serdes.String(), avro(io.claimstream.avro.Claim.class, serdeConfig));
        this.consensus = new Topic<>(outputPrefix + CONSENSUS, Serdes.String(), avro(Consensus.class, serdeConfig));
        this.changes = new Topic<>(outputPrefix + CHANGES, Serdes.String(), avro(ConsensusChange.class, serdeConfig));
        this.corroborations = new Topic<>(outputPrefix + CORROBORATIONS, Serdes.String(), avro(Corroboration.class, serdeConfig));
        // Prefixed like the other outputs: a replay derives its alerts into a topic of its own that nothing delivers.
        this.alerts = new Topic<>(outputPrefix + ALERTS, Serdes.String(), avro(Alert.class, serdeConfig));
        this.deadLetters = outputPrefix + DEAD_LETTERS;
        this.historyEntries = avro(HistoryEntry.class, serdeConfig);
    }

    public Topics(Map<String, ?> serdeConfig) {
        this(serdeConfig, "");
    }

    private static <T extends SpecificRecord> Serde<T> avro(Class<T> type, Map<String, ?> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }

    public Topic<String, Article> articles() { return articles; }
    public Topic<String, io.claimstream.avro.Claim> claims() { return claims; }
    public Topic<String, Consensus> consensus() { return consensus; }
    public Topic<String, ConsensusChange> changes() { return changes; }
    public Topic<String, Corroboration> corroborations() { return corroborations; }
    public Topic<String, Alert> alerts() { return alerts; }
    public String deadLetters() { return deadLetters; }
    /** Values of the consensus-history store, and of its changelog topic ({@link #historyChangelog}). */
    public Serde<HistoryEntry> historyEntrySerde() { return historyEntries; }

    /**
     * The changelog of the consensus-history store: every claim each key holds, compacted, keyed by entry (see
     * {@link ClaimHistoryStore}). Streams names it after the application id; audit reads it.
     */
    public static String historyChangelog(String applicationId) {
        return applicationId + "-" + ClaimHistoryStore.NAME + "-changelog";
    }

    /** Every topic the application expects to exist before it starts (internal topics are Streams' own). */
    public List<String> required() {
        return List.of(articles.name(), consensus.name(), changes.name(), corroborations.name(), alerts.name(), deadLetters);
    }

    /** Topics that hold the latest value per key and are compacted rather than deleted by time. */
    public List<String> compacted() {
        return List.of(consensus.name());
    }
}
