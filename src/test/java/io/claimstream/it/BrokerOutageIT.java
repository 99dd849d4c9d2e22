package io.claimstream.it;

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
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away for 30 seconds while articles keep arriving: the publisher buffers and retries them (its
 * delivery.timeout.ms and max.block.ms outlast the outage), the Streams application rides it out (task.timeout.ms,
 * and a replaced thread if one fails), and once the broker is back everything is processed: the same change
 * events, field for field, as an undisturbed run over the same articles, and nothing dead-lettered.
 */
class BrokerOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aThirtySecondBrokerOutageWhileArticlesArriveEndsWithTheUndisturbedConsensus() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            Properties cfg = StreamsSettings.defaults();
            cfg.putAll(cluster.clientConfig());
            cfg.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "outage");
            cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
            Instant t0 = Instant.parse("2025-06-10T00:00:00Z");

            try (ClaimstreamApp app = new ClaimstreamApp(cfg).start();
                 ArticlePublisher publisher = new ArticlePublisher(cfg, app.topics());
                 Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                app.awaitRunning(Duration.ofSeconds(120));
                Progress progress = new Progress(admin, "outage");
                // One article before the outage: the pipeline is warm, every schema registered.
                publisher.publishAndWait(ArticleFiles.read(seeds.get(0)), t0);
                progress.awaitCaughtUp(progress.inputs(app.topics()), Duration.ofSeconds(300), lag -> {});
                // The broker goes the moment the next one is written: the application is reading, processing or
                // committing it, with a transaction open.
                publisher.publishAndWait(ArticleFiles.read(seeds.get(1)), t0.plusSeconds(1));
                cluster.kafka().stop();
                long outageStart = System.nanoTime();
                // Articles keep arriving while the broker is down, from a feed of their own: send() holds them (or
                // blocks the feed, up to max.block.ms, while the producer has no partition metadata) and the
                // producer retries them (up to delivery.timeout.ms) until the broker is back.
                ExecutorService feed = Executors.newSingleThreadExecutor();
                List<Future<Future<RecordMetadata>>> pending = new ArrayList<>();
                for (int i = 2; i < 4; i++) {
                    int n = i;
                    pending.add(feed.submit(() -> publisher.publish(ArticleFiles.read(seeds.get(n)), t0.plusSeconds(n))));
                }
                long left = OUTAGE.toNanos() - (System.nanoTime() - outageStart);
                if (left > 0) TimeUnit.NANOSECONDS.sleep(left);
                for (var f : pending) assertThat(!f.isDone() || !f.get().isDone()).as("nothing delivered while the broker is down").isTrue();
                cluster.kafka().restart();

                pending.add(feed.submit(() -> publisher.publish(ArticleFiles.read(seeds.get(4)), t0.plusSeconds(4))));
                for (var f : pending) f.get(300, TimeUnit.SECONDS).get(300, TimeUnit.SECONDS); // delivered, not timed out
                feed.shutdown();
                progress.awaitCaughtUp(progress.inputs(app.topics()), Duration.ofSeconds(300), lag -> {});
                assertThat(app.streams().state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
            }

            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            List<ConsensusChange> live = new ArrayList<>();
            for (var r : TopicReader.readAll(cfg, topics.changes().name(), new StringDeserializer(),
                    topics.changes().valueSerde().deserializer(), Duration.ofSeconds(60))) {
                live.add(r.value());
            }
            assertThat(TopicReader.readAll(cfg, topics.articles().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    Duration.ofSeconds(60))).as("each article published once, retries included").hasSize(seeds.size());
            assertThat(GoldConsensus.violations(live.stream().map(c -> new GoldConsensus.Observed(c.getKey(),
                    c.getAfter() == null ? null : c.getAfter().getValue(), c.getTrigger().getArticleId())).toList())).isEmpty();
            assertThat(live).containsExactlyElementsOf(UninterruptedRun.changes(cfg));
            assertThat(TopicReader.readAll(cfg, topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    Duration.ofSeconds(60))).as("nothing dead-lettered because of the outage").isEmpty();
        }
    }
}
