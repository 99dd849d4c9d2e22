package io.claimstream.it;

import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.replay.TopicReader;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once across a crash: the application, a separate JVM running the packaged jar, is killed with SIGKILL
 * while it processes the seeds and then started again. Read with read_committed, consensus-changes holds every
 * change once: the event counts per key are exactly the labelled ones, and the whole change list is the one an
 * uninterrupted run emits.
 */
class KillAndRestartIT {
    @TempDir
    Path dir;

    @Test
    void aKilledAndRestartedApplicationNeitherLosesNorRepeatsAChange() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            Properties cfg = StreamsSettings.defaults();
            cfg.putAll(cluster.clientConfig());
            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            String appId = "kill-restart";

            Process first = start(cluster, appId);
            try (ArticlePublisher publisher = new ArticlePublisher(cfg, topics)) {
                List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
                Instant t0 = Instant.parse("2025-06-10T00:00:00Z");
                for (int i = 0; i < seeds.size(); i++) publisher.publish(ArticleFiles.read(seeds.get(i)), t0.plusSeconds(i));
                publisher.flush();
            }
            try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                Progress progress = new Progress(admin, appId);
                awaitSomeProgress(progress, topics, first);
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no clean close, transactions left open

                Process second = start(cluster, appId);
                try {
                    progress.awaitCaughtUp(progress.inputs(topics), Duration.ofSeconds(180), lag -> {});
                } finally {
                    second.destroy();
                    second.waitFor(60, TimeUnit.SECONDS);
                }
            }
            List<ConsensusChange> live = new ArrayList<>();
            List<GoldConsensus.Observed> observed = new ArrayList<>();
            for (var r : TopicReader.readAll(cfg, topics.changes().name(), new StringDeserializer(),
                    topics.changes().valueSerde().deserializer(), Duration.ofSeconds(30))) {
                ConsensusChange c = r.value();
                live.add(c);
                observed.add(new GoldConsensus.Observed(c.getKey(), c.getAfter() == null ? null : c.getAfter().getValue(), c.getTrigger().getArticleId()));
            }
            assertThat(GoldConsensus.violations(observed)).isEmpty();
            // Not only the labelled counts: the very same change events, field for field and in the same order, as
            // an uninterrupted run of the same topology over the same articles emits.
            assertThat(live).containsExactlyElementsOf(UninterruptedRun.changes(cfg));
        }
    }

    /** Waits until the first application has started on the articles (or finished them), so the kill lands mid-stream. */
    private static void awaitSomeProgress(Progress progress, Topics topics, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long initial = -1;
        while (System.nanoTime() < deadline && app.isAlive()) {
            long lag = progress.lag(progress.inputs(topics));
            if (initial < 0 && lag > 0) initial = lag;
            if (initial > 0 && lag < initial) return;
            Thread.sleep(20);
        }
        assertThat(app.isAlive()).as("the application died on its own").isTrue();
    }

    private Process start(EmbeddedCluster cluster, String appId) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", Path.of("target", "claimstream.jar").toString(), "run",
                "-Dbootstrap.servers=" + cluster.bootstrapServers(),
                "-Dschema.registry.url=" + cluster.registryUrl(),
                "-Dapplication.id=" + appId,
                "-Dstate.dir=" + dir.resolve("state"),
                "-Dhttp.port=0"); // run serves HTTP on 8080 by default, which a concurrent build may hold
        File log = dir.resolve("app-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
