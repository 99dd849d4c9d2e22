package io.claimstream.it;

import io.claimstream.avro.Article;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.replay.TopicReader;
import io.claimstream.serde.MockSchemaRegistry;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.ClaimstreamTopology;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances share the work (same application.id, topics of two partitions); one is stopped while an article
 * is in flight, its tasks move to the other, and no change is lost or repeated: per key, the change events are
 * exactly those of an undisturbed single-instance run over the same articles in the same order.
 *
 * <p>Articles go in one at a time (each processed before the next is sent), so the order in which claims reach a
 * key is the publishing order however the partitions are spread, and the reference is well defined.
 */
class ScaleOutIT {
    private static final String APP_ID = "scale-out";
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void stoppingOneOfTwoInstancesMovesItsTasksWithNoLostOrRepeatedChange() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            List<Article> seeds = new ArrayList<>();
            for (Path p : ArticleFiles.list(Path.of("seeds"))) seeds.add(ArticleFiles.read(p));
            Properties cfg = config(cluster, "a");
            int tasks;
            try (ClaimstreamApp a = new ClaimstreamApp(cfg).start();
                 ClaimstreamApp b = new ClaimstreamApp(config(cluster, "b")).start();
                 ArticlePublisher publisher = new ArticlePublisher(cfg, a.topics());
                 Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                a.awaitRunning(Duration.ofSeconds(120));
                b.awaitRunning(Duration.ofSeconds(120));
                // both own tasks once the group has settled (two subtopologies x two partitions)
                tasks = awaitTasks(a, b);
                Progress progress = new Progress(admin, APP_ID);
                for (int i = 0; i < seeds.size(); i++) {
                    publisher.publishAndWait(seeds.get(i), T0.plusSeconds(i));
                    if (i == 2) {
                        assertThat(activeTasks(b)).as("b owns tasks before it stops").isPositive();
                        b.close(); // while article 2 is in flight
                    }
                    progress.awaitCaughtUp(progress.inputs(a.topics()), Duration.ofSeconds(300), lag -> {});
                }
                assertThat(activeTasks(a)).as("a took over every task").isEqualTo(tasks);
            }

            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            List<ConsensusChange> live = new ArrayList<>();
            for (var r : TopicReader.readAll(cfg, topics.changes().name(), new StringDeserializer(),
                    topics.changes().valueSerde().deserializer(), Duration.ofSeconds(60))) {
                live.add(r.value());
            }
            assertThat(GoldConsensus.violations(live.stream().map(c -> new GoldConsensus.Observed(c.getKey(),
                    c.getAfter() == null ? null : c.getAfter().getValue(), c.getTrigger().getArticleId())).toList())).isEmpty();
            assertThat(byKey(live)).isEqualTo(byKey(undisturbed(seeds)));
        }
    }

    private Properties config(EmbeddedCluster cluster, String instance) {
        Properties p = StreamsSettings.defaults();
        p.putAll(cluster.clientConfig());
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
        p.setProperty(ClaimstreamApp.PARTITIONS, "2");
        p.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + instance).toString());
        return p;
    }

    private static int awaitTasks(ClaimstreamApp a, ClaimstreamApp b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            int ta = activeTasks(a), tb = activeTasks(b);
            if (ta > 0 && tb > 0 && ta + tb == 4) return ta + tb;
            Thread.sleep(250);
        }
        throw new AssertionError("tasks not spread over both instances: a " + activeTasks(a) + ", b " + activeTasks(b));
    }

    private static int activeTasks(ClaimstreamApp app) {
        return app.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    private static Map<String, List<ConsensusChange>> byKey(List<ConsensusChange> changes) {
        Map<String, List<ConsensusChange>> m = new LinkedHashMap<>();
        for (ConsensusChange c : changes) m.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(c);
        return new java.util.TreeMap<>(m);
    }

    /** The same topology, one instance, no faults, the articles in the same order and with the same timestamps. */
    private static List<ConsensusChange> undisturbed(List<Article> seeds) {
        String scope = "scale-out-reference-" + UUID.randomUUID();
        Topics topics = new Topics(Map.of("schema.registry.url", "mock://" + scope));
        Properties props = StreamsSettings.defaults();
        props.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        var topology = ClaimstreamTopology.build(topics, new ClaimExtractor(), new ConsensusEngine(ConsensusConfig.defaults()), props);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            var in = driver.createInputTopic(Topics.ARTICLES, topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
            var out = driver.createOutputTopic(Topics.CHANGES, topics.changes().keySerde().deserializer(), topics.changes().valueSerde().deserializer());
            for (int i = 0; i < seeds.size(); i++) in.pipeInput(seeds.get(i).getId(), seeds.get(i), T0.plusSeconds(i));
            return out.readValuesToList();
        } finally {
            MockSchemaRegistry.drop(scope);
        }
    }
}
