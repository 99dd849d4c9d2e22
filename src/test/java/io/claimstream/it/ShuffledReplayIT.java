package io.claimstream.it;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same articles, published in different arrival orders to topics with 1 and 4 partitions, end in the same
 * table: every key's figure, claims and claim history equal. Event times come from the articles, not from
 * arrival, which is what makes this hold.
 */
class ShuffledReplayIT {
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void arrivalOrderAndPartitionCountDoNotChangeTheOutcome() throws Exception {
        List<Article> seeds = new ArrayList<>();
        List<Path> files = ArticleFiles.list(Path.of("seeds"));
        for (int i = 0; i < files.size(); i++) {
            seeds.add(Article.newBuilder(ArticleFiles.read(files.get(i))).setPublished(T0.plusSeconds(3600L * i)).build());
        }
        List<Article> shuffled = new ArrayList<>(seeds);
        Collections.shuffle(shuffled, new Random(7));
        List<Article> reversed = new ArrayList<>(seeds);
        Collections.reverse(reversed);

        TreeMap<String, Consensus> reference = run("in-order-1", seeds, 1);
        assertThat(reference).containsKey("meta>scale-ai:investment_amount");
        assertThat(run("shuffled-4", shuffled, 4)).isEqualTo(reference);
        assertThat(run("reversed-4", reversed, 4)).isEqualTo(reference);
        assertThat(run("shuffled-1", shuffled, 1)).isEqualTo(reference);
    }

    /** One fresh cluster, one application, the articles in the given order; the final table, latest value per key. */
    private TreeMap<String, Consensus> run(String name, List<Article> order, int partitions) throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve(name), 0, 0)) {
            Properties cfg = StreamsSettings.defaults();
            cfg.putAll(cluster.clientConfig());
            cfg.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "shuffle-" + name);
            cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(name + "-state").toString());
            cfg.setProperty(ClaimstreamApp.PARTITIONS, Integer.toString(partitions));
            try (ClaimstreamApp app = new ClaimstreamApp(cfg).start()) {
                app.awaitRunning(Duration.ofSeconds(60));
                try (ArticlePublisher publisher = new ArticlePublisher(cfg, app.topics())) {
                    for (Article a : order) publisher.publishAndWait(a, a.getPublished());
                }
                try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                    Progress progress = new Progress(admin, app.applicationId());
                    progress.awaitCaughtUp(progress.inputs(app.topics()), Duration.ofSeconds(90), lag -> {});
                }
                Topics.Topic<String, Consensus> table = app.topics().consensus();
                TreeMap<String, Consensus> latest = new TreeMap<>();
                for (var r : TopicReader.readAll(cfg, table.name(), new StringDeserializer(), table.valueSerde().deserializer(), Duration.ofSeconds(30))) {
                    latest.put(r.key(), r.value());
                }
                return latest;
            }
        }
    }
}
