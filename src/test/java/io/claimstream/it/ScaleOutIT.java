package io.claimstream.it;

import io.claimstream.avro.Article;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.replay.TopicReader;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.TopicAdmin;
import io.claimstream.stream.Topics;
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
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

    /**
     * The reference: one instance, one partition, no faults, on a cluster of its own: the same articles with the
     * same timestamps, processed by an uninterrupted run. (Only public entry points, so the reference follows the
     * topology as it grows.)
     */
    private List<ConsensusChange> undisturbed(List<Article> seeds) throws Exception {
        try (EmbeddedCluster reference = EmbeddedCluster.start(dir.resolve("reference"), 0, 0)) {
            Properties cfg = StreamsSettings.defaults();
            cfg.putAll(reference.clientConfig());
            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            TopicAdmin.ensureTopics(cfg, topics, 1);
            try (ArticlePublisher publisher = new ArticlePublisher(cfg, topics)) {
                for (int i = 0; i < seeds.size(); i++) publisher.publishAndWait(seeds.get(i), T0.plusSeconds(i));
            }
            return UninterruptedRun.changes(cfg);
        }
    }
}
