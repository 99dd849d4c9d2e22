package io.claimstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.alert.deliver.AlertDelivery;
import io.claimstream.alert.deliver.AlertSinks;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.FetchLimits;
import io.claimstream.ingest.IngestConfig;
import io.claimstream.ingest.KafkaIngest;
import io.claimstream.replay.Replay;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.testing.Feeds;
import io.claimstream.testing.LocalHttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live feed in, alert out, on the embedded broker: a feed item shifts a watched figure and the webhook receiver
 * gets exactly one alert with the right before and after, though the whole application (topology, ingest and
 * delivery) is restarted between the two items; after another restart, the next shift is the only thing sent.
 *
 * <p>Expectations are loose on the extractor: any key ending in {@code :deal_value}, figures $2B then $2.4B.
 */
class FeedAlertsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final List<String> status = new CopyOnWriteArrayList<>();

    /** One run of the application: topology, ingest polling the feed once, and alert delivery. */
    private final class Run implements AutoCloseable {
        final ClaimstreamApp app;
        final KafkaIngest ingest;
        final AlertDelivery delivery;
        final Properties cfg;

        Run(EmbeddedCluster cluster, IngestConfig ingestConfig, String webhook) throws Exception {
            cfg = StreamsSettings.defaults();
            cfg.putAll(cluster.clientConfig());
            cfg.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "feed-alerts");
            cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
            cfg.setProperty("alerts.watch", "*:deal_value 5%");
            cfg.setProperty("alerts.webhook.url", webhook);
            cfg.setProperty("alerts.webhook.backoff", "100ms");
            cfg.setProperty("alerts.console", "false");
            // Streams does not leave the group on close, so a restarted instance waits out the old member's session.
            cfg.setProperty(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
            app = new ClaimstreamApp(cfg).start();
            app.awaitRunning(WAIT);
            delivery = new AlertDelivery(cfg, app.topics(), AlertSinks.fromProperties(cfg, System.out), dir.resolve("alerts"), status::add).start();
            ingest = new KafkaIngest(cfg, app.topics(), ingestConfig, status::add);
            ingest.service().runOnce();
            ingest.flush();
        }

        /** Everything published is processed, and every alert written so far is delivered and committed. */
        void awaitSettled() throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cfg.getProperty("bootstrap.servers")))) {
                Progress progress = new Progress(admin, app.applicationId());
                progress.awaitCaughtUp(progress.inputs(app.topics()), WAIT, lag -> {});
                String group = app.applicationId() + "-alerts";
                TopicPartition alerts = new TopicPartition(app.topics().alerts().name(), 0);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (true) {
                    long end = admin.listOffsets(Map.of(alerts, OffsetSpec.latest()),
                            new org.apache.kafka.clients.admin.ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
                            .partitionResult(alerts).get().offset();
                    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(alerts);
                    // Every exactly-once transaction ends with a commit marker, so the last alert sits at end - 2 and
                    // delivering it commits end - 1.
                    if (end == 0 || (committed != null && committed.offset() >= end - 1)) return;
                    if (System.nanoTime() > deadline) throw new AssertionError("alerts not delivered: end " + end + ", committed " + committed + "; " + status);
                    Thread.sleep(200);
                }
            }
        }

        @Override
        public void close() {
            ingest.close();
            delivery.close();
            app.close();
        }
    }

    @Test
    void aFeedItemShiftingAWatchedFigureReachesTheWebhookExactlyOnceAcrossRestarts() throws Exception {
        try (LocalHttpServer http = new LocalHttpServer(); EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            http.on("/hook", ex -> LocalHttpServer.send(ex, 200, "application/json", "{}"));
            String hook = http.uri("/hook").toString();
            http.serve("/acme-widget", "text/html", Feeds.page("Acme to buy Widget", "Acme Corp. agreed to buy Widget Inc. for $2 billion."));
            http.serve("/acme-widget-raised", "text/html", Feeds.page("Acme raises its Widget offer", "Acme Corp. agreed to buy Widget Inc. for $2.4 billion."));
            Feeds.Item first = new Feeds.Item(http.uri("/acme-widget") + "?utm_source=rss", "Acme to buy Widget", "Tue, 10 Jun 2025 05:00:00 GMT", null);
            Feeds.Item second = new Feeds.Item(http.uri("/acme-widget-raised").toString(), "Acme raises its Widget offer", "Tue, 10 Jun 2025 06:00:00 GMT", null);
            http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", first));
            IngestConfig ingestConfig = new IngestConfig(List.of(http.uri("/feed")), Duration.ofSeconds(60), null, true, dir.resolve("ingest"), FetchLimits.DEFAULT);

            try (Run run = new Run(cluster, ingestConfig, hook)) {
                run.awaitSettled();
            }
            assertThat(http.requests("/hook")).as("a first figure is not a shift").isEmpty();

            // The feed updates while the application is down; the next run polls it.
            http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", second, first));
            try (Run run = new Run(cluster, ingestConfig, hook)) {
                run.awaitSettled();
            }
            List<LocalHttpServer.Request> received = http.requests("/hook");
            assertThat(received).as("webhook requests; status: %s", status).hasSize(1);
            JsonNode alert = JSON.readTree(received.get(0).body());
            assertThat(received.get(0).header("Idempotency-Key")).isEqualTo(alert.get("id").asText());
            assertThat(alert.get("key").asText()).endsWith(":deal_value");
            assertThat(alert.get("before").get("value").asDouble()).isEqualTo(2e9);
            assertThat(alert.get("after").get("value").asDouble()).isEqualTo(2.4e9);
            assertThat(alert.get("message").asText()).contains("$2B → $2.4B");
            assertThat(alert.get("trigger").get("article").asText()).isEqualTo(http.uri("/acme-widget-raised").toString());

            // Once more, with a third item: delivery is in order, so an alert delivered again would arrive before
            // the new one. Re-polling the feed publishes only the new item.
            http.serve("/acme-widget-final", "text/html", Feeds.page("Acme and Widget sign", "Acme Corp. agreed to buy Widget Inc. for $3 billion."));
            http.serve("/feed", "application/rss+xml", Feeds.rss("Wire",
                    new Feeds.Item(http.uri("/acme-widget-final").toString(), "Acme and Widget sign", "Tue, 10 Jun 2025 07:00:00 GMT", null), second, first));
            try (Run run = new Run(cluster, ingestConfig, hook)) {
                run.awaitSettled();
                // A replay for audit derives the same alerts into its own topic while delivery runs: nothing is re-sent.
                Replay.Result replay = Replay.run(run.cfg, WAIT, lag -> {});
                assertThat(replay.changes()).anySatisfy(c -> assertThat(c.getAfter().getValue()).isEqualTo(3e9));
                run.awaitSettled();
            }
            List<LocalHttpServer.Request> all = http.requests("/hook");
            assertThat(all).hasSize(2);
            assertThat(all.get(1).header("Idempotency-Key")).isNotEqualTo(alert.get("id").asText());
            assertThat(JSON.readTree(all.get(1).body()).get("message").asText()).contains("$2.4B → $3B");

            assertThat(http.requests("/acme-widget")).as("a published item's page is fetched once").hasSize(1);
            List<String> summaries = new ArrayList<>(status.stream().filter(s -> s.startsWith("ingest summary")).toList());
            assertThat(summaries).containsExactly(
                    "ingest summary: published 1, skipped 0, unsent 0",
                    "ingest summary: published 1, skipped 1 (already published 1), unsent 0",
                    "ingest summary: published 1, skipped 2 (already published 2), unsent 0");
        }
    }
}
