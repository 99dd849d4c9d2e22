package io.claimstream.cli;

import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.replay.TopicReader;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reset}, as a user runs it between two runs: refused while an instance runs, then the next run
 * reprocesses the articles from their start and leaves consensus-changes and the consensus table exactly as the
 * first run did, with nothing doubled.
 */
class ResetIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theRunAfterAResetReprocessesEverythingOnceAndEndsWhereTheFirstRunEnded() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            Properties cfg = StreamsSettings.defaults();
            cfg.putAll(cluster.clientConfig());
            cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));

            List<String> firstChanges;
            Map<String, String> firstTable;
            try (ClaimstreamApp app = new ClaimstreamApp(cfg).start()) {
                app.awaitRunning(PATIENCE);
                List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
                try (ArticlePublisher publisher = new ArticlePublisher(cfg, topics)) {
                    for (int i = 0; i < seeds.size(); i++) publisher.publishAndWait(ArticleFiles.read(seeds.get(i)), T0.plusSeconds(3600L * i));
                }
                awaitCaughtUp(cfg, app);
                firstChanges = changes(cfg, topics);
                firstTable = table(cfg, topics);
                assertThat(firstChanges).hasSizeGreaterThan(5);

                Run refused = claimstream(cluster, "reset", "--yes", "--wait", "0");
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).contains("still has 1 instance(s)").contains("Stop every instance first");
                assertThat(changes(cfg, topics)).as("a refused reset changes nothing").isEqualTo(firstChanges);
                app.closeForGood();
            }
            Path localState = dir.resolve("state").resolve(StreamsSettings.DEFAULT_APPLICATION_ID);
            assertThat(localState).isDirectory();

            Run planned = claimstream(cluster, "reset");
            assertThat(planned.exitCode()).isZero();
            assertThat(planned.out()).contains("output consensus-changes: truncated")
                    .contains("internal topics deleted: claimstream-").contains("local state deleted: " + localState)
                    .contains("output consensus: " + firstTable.size() + " key(s) removed").contains("nothing changed");
            assertThat(changes(cfg, topics)).as("without --yes nothing changes").isEqualTo(firstChanges);

            Run reset = claimstream(cluster, "reset", "--yes");
            assertThat(reset.exitCode()).as(reset.out() + reset.err()).isZero();
            assertThat(changes(cfg, topics)).isEmpty();
            assertThat(table(cfg, topics)).isEmpty();
            assertThat(localState).doesNotExist();
            try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                assertThat(admin.listTopics().names().get()).noneMatch(t -> t.endsWith("-changelog") || t.endsWith("-repartition"))
                        .contains(Topics.ARTICLES, Topics.CHANGES, Topics.CONSENSUS);
            }

            try (ClaimstreamApp again = new ClaimstreamApp(cfg).start()) {
                again.awaitRunning(PATIENCE);
                awaitCaughtUp(cfg, again);
                assertThat(changes(cfg, topics)).isEqualTo(firstChanges);
                assertThat(table(cfg, topics)).isEqualTo(firstTable);
            }
        }
    }

    private static void awaitCaughtUp(Properties cfg, ClaimstreamApp app) throws Exception {
        try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
            Progress progress = new Progress(admin, app.applicationId());
            progress.awaitCaughtUp(progress.inputs(app.topics()), PATIENCE, lag -> {});
        }
    }

    private static List<String> changes(Properties cfg, Topics topics) {
        List<String> out = new ArrayList<>();
        for (var r : TopicReader.readAll(cfg, topics.changes().name(), new StringDeserializer(),
                topics.changes().valueSerde().deserializer(), PATIENCE)) {
            ConsensusChange c = r.value();
            out.add(ChangeOutput.json(c));
        }
        return out;
    }

    /** The consensus topic read as a table: each key's latest value, keys whose latest record is a tombstone left out. */
    private static Map<String, String> table(Properties cfg, Topics topics) {
        Map<String, String> table = new TreeMap<>();
        for (var r : TopicReader.readAll(cfg, topics.consensus().name(), new StringDeserializer(),
                topics.consensus().valueSerde().deserializer(), PATIENCE)) {
            Consensus c = r.value();
            if (c == null) table.remove(r.key());
            else table.put(r.key(), c.toString());
        }
        return table;
    }

    private record Run(int exitCode, String out, String err) {}

    private Run claimstream(EmbeddedCluster cluster, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-Dstate.dir=" + dir.resolve("state"));
        all.add("-Dbootstrap.servers=" + cluster.bootstrapServers());
        all.add("-Dschema.registry.url=" + cluster.registryUrl());
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine().execute(all.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
