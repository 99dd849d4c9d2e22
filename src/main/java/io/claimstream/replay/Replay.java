package io.claimstream.replay;

import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.stream.ClaimHistoryStore;
import io.claimstream.serde.SchemaRegistryClient;
import io.claimstream.serde.SchemaRegistryClients;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.clients.admin.Admin;
import io.claimstream.config.ClientConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Reprocesses the whole articles topic with the same topology under a fresh application id, writing to topics of
 * its own (never the live consensus-changes), and hands back what it computed. It leaves nothing behind: its
 * topics, consumer group, local state and registry subjects are removed when it is done.
 */
public final class Replay {
    /** What a replay computed: every change in emission order, the final table, and each key's claim history. */
    public record Result(List<ConsensusChange> changes, TreeMap<String, Consensus> table,
                         Map<String, KeyHistory> histories) {}

    private Replay() {}

    /**
     * @param onLag called with the number of records still to process, as the replay progresses
     */
    public static Result run(Properties liveConfig, Duration timeout, LongConsumer onLag) throws Exception {
        String appId = liveConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID)
                + "-replay-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = appId + ".";
        Path stateDir = Files.createTempDirectory("claimstream-replay");
        Properties cfg = StreamsSettings.forReplay(liveConfig);
        cfg.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        cfg.setProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, prefix + Topics.DEAD_LETTERS);
        Topics topics = new Topics(StreamsSettings.serdeConfig(cfg), prefix);
        try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
            try {
                List<ConsensusChange> changes;
                TreeMap<String, Consensus> table = new TreeMap<>();
                Map<String, KeyHistory> histories = new HashMap<>();
                try (ClaimstreamApp app = new ClaimstreamApp(cfg, topics).start()) {
                    app.awaitRunning(timeout);
                    Progress progress = new Progress(admin, appId);
                    progress.awaitCaughtUp(progress.inputs(topics), timeout, onLag);
                    var store = app.streams().store(StoreQueryParameters.fromNameAndType("consensus",
                            QueryableStoreTypes.<String, Consensus>keyValueStore()));
                    try (KeyValueIterator<String, Consensus> all = store.all()) {
                        all.forEachRemaining(kv -> table.put(kv.key, kv.value));
                    }
                    var history = app.streams().store(StoreQueryParameters.fromNameAndType(ClaimHistoryStore.NAME,
                            QueryableStoreTypes.<String, HistoryEntry>keyValueStore()));
                    for (String key : table.keySet()) histories.put(key, ClaimHistoryStore.load(history, key));
                    var changeTopic = topics.changes();
                    changes = new ArrayList<>();
                    for (var r : TopicReader.readAll(cfg, changeTopic.name(), new StringDeserializer(),
                            changeTopic.valueSerde().deserializer(), timeout)) {
                        changes.add(r.value());
                    }
                    app.closeForGood();
                }
                return new Result(changes, table, histories);
            } finally {
                cleanUp(admin, cfg, appId, prefix);
                deleteRecursively(stateDir);
            }
        }
    }

    /** Removes the replay's topics (its outputs and Streams' internal ones), its group and its subjects. */
    private static void cleanUp(Admin admin, Properties cfg, String appId, String prefix) {
        try {
            List<String> mine = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(prefix) || t.startsWith(appId + "-")).toList();
            if (!mine.isEmpty()) admin.deleteTopics(mine).all().get();
            admin.deleteConsumerGroups(List.of(appId)).all().get();
            SchemaRegistryClient registry = SchemaRegistryClients.forConfig(StreamsSettings.serdeConfig(cfg));
            for (String subject : registry.subjects()) {
                if (subject.startsWith(prefix) || subject.startsWith(appId + "-")) {
                    registry.deleteSubject(subject, false);
                    registry.deleteSubject(subject, true);
                }
            }
        } catch (Exception e) {
            System.err.println("claimstream: replay could not remove everything it created under " + appId + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS reclaims it
        }
    }
}
