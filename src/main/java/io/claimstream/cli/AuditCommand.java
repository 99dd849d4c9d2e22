package io.claimstream.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.Evidence;
import io.claimstream.stream.ClaimHistoryStore;
import org.apache.kafka.streams.StreamsConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import io.claimstream.consensus.Change;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.consensus.Standing;
import io.claimstream.consensus.WeightedEvidence;
import io.claimstream.replay.TopicReader;
import io.claimstream.stream.AvroMapping;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"A key's timeline: every change with before and after, the claim that caused it (article, source,",
                "sentence, offsets) and the claims that stood behind each figure."})
final class AuditCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KEY", description = "A claim key, e.g. 'meta>scale-ai:investment_amount'.")
    String key;

    @Option(names = "--json", description = "Print one JSON object: {\"key\", \"unit\", \"timeline\": [...]}.")
    boolean json;

    @Mixin
    ConfigOptions config;

    /**
     * The key's claims, from the changelog of the application's consensus-history store: a compacted topic that
     * holds every claim the key holds (an entry dropped by compaction is a tombstone there).
     */
    static KeyHistory history(Properties cfg, Topics topics, String key) {
        String appId = cfg.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID);
        Map<String, HistoryEntry> entries = new HashMap<>();
        for (var r : TopicReader.readAll(cfg, Topics.historyChangelog(appId), new StringDeserializer(),
                topics.historyEntrySerde().deserializer(), Duration.ofMinutes(5))) {
            if (!key.equals(ClaimHistoryStore.keyOf(r.key()))) continue;
            if (r.value() == null) entries.remove(r.key());
            else entries.put(r.key(), r.value());
        }
        List<Evidence> claims = new ArrayList<>(entries.size());
        for (HistoryEntry s : entries.values()) claims.add(AvroMapping.toEvidence(s.getClaim()));
        return KeyHistory.of(claims);
    }

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
        Consensus latest = null;
        for (var r : TopicReader.readAll(cfg, topics.consensus().name(), new StringDeserializer(),
                topics.consensus().valueSerde().deserializer(), Duration.ofMinutes(5))) {
            if (key.equals(r.key())) latest = r.value();
        }
        if (latest == null) {
            System.err.println("claimstream audit: no consensus for key " + key);
            return 1;
        }
        ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.fromProperties(cfg));
        KeyHistory history = history(cfg, topics, key);
        List<Change> timeline = engine.timeline(history);
        String unit = latest.getUnit();
        if (json) {
            ObjectNode out = Json.object();
            out.put("key", key);
            out.put("unit", unit);
            ArrayNode entries = out.putArray("timeline");
            for (Change c : timeline) {
                ObjectNode e = entries.addObject();
                e.put("event_time", Instant.ofEpochMilli(c.eventTime()).toString());
                e.set("before", Json.figure(c.before()));
                e.set("after", Json.figure(c.after()));
                e.put("correction", c.correction());
                e.set("trigger", Json.evidence(c.trigger()));
                ArrayNode claims = e.putArray("claims");
                for (WeightedEvidence w : engine.standingAt(history, c.eventTime()).claims()) claims.add(Json.claim(w));
            }
            out.set("current", Json.standing(key, unit, engine.current(history)));
            System.out.println(Json.write(out));
            return 0;
        }
        System.out.println(key + " (" + unit + "): " + timeline.size() + " change" + (timeline.size() == 1 ? "" : "s"));
        for (Change c : timeline) {
            Standing then = engine.standingAt(history, c.eventTime());
            System.out.printf("%n%s  %s → %s%n", Instant.ofEpochMilli(c.eventTime()),
                    ChangeOutput.describe(c.before(), unit), ChangeOutput.describe(c.after(), unit));
            String article = c.trigger().articleId().equals(c.trigger().source()) ? "" : " (" + c.trigger().articleId() + ")";
            System.out.printf("  moved by %s%s, chars %d–%d: \"%s\"%n", c.trigger().source(), article,
                    c.trigger().start(), c.trigger().end(), c.trigger().evidence().strip());
            System.out.println("  claims behind it:");
            for (WeightedEvidence w : then.claims()) {
                System.out.printf("    %s %-22s %-11s weight %.2f  %s: \"%s\"%n", w.agrees() ? "agrees  " : "disagrees",
                        ChangeOutput.describe(w.evidence().figure(), unit), w.evidence().modality().wire(), w.weight(),
                        w.evidence().source(), w.evidence().evidence().strip());
            }
        }
        return 0;
    }
}
