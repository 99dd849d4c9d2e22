package io.claimstream.it;

import io.claimstream.alert.deliver.AlertDelivery;
import io.claimstream.alert.deliver.AlertSink;
import io.claimstream.alert.deliver.LogFileSink;
import io.claimstream.alert.deliver.WebhookSink;
import io.claimstream.avro.Alert;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.TopicAdmin;
import io.claimstream.stream.Topics;
import io.claimstream.testing.LocalHttpServer;
import io.claimstream.testing.TestAlerts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery from the alerts topic on the in-process broker: a webhook that fails for a while gets every alert in
 * order once it recovers, the log file gets each alert once although the webhook's failures made delivery go back
 * over them, and a restarted delivery sends only what is new.
 */
class AlertDeliveryIT {
    @TempDir
    Path dir;

    @Test
    void alertsWaitForAFailingWebhookAndAreNeitherLostNorRepeated() throws Exception {
        List<String> status = new CopyOnWriteArrayList<>();
        try (LocalHttpServer http = new LocalHttpServer(); EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            AtomicInteger calls = new AtomicInteger();
            http.on("/hook", ex -> LocalHttpServer.send(ex, calls.incrementAndGet() <= 5 ? 503 : 200, null, ""));
            Properties cfg = StreamsSettings.defaults();
            cfg.putAll(cluster.clientConfig());
            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            TopicAdmin.ensureTopics(cfg, topics, 1);
            Alert first = TestAlerts.alert(2.4e9);
            Alert second = TestAlerts.alert(3e9);
            try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                    topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topics.alerts().name(), first.getKey(), first)).get();
                producer.send(new ProducerRecord<>(topics.alerts().name(), second.getKey(), second)).get();
            }
            Path log = dir.resolve("alerts.jsonl");
            List<AlertSink> sinks = List.of(new LogFileSink(log), new WebhookSink(http.uri("/hook"), Map.of(), 2,
                    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5), d -> Thread.sleep(d.toMillis())));

            try (AlertDelivery delivery = new AlertDelivery(cfg, topics, sinks, dir.resolve("state"), status::add).start()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (delivery.committed() < 2 && System.nanoTime() < deadline) Thread.sleep(100);
                assertThat(delivery.committed()).as("status: %s", status).isEqualTo(2);
            }
            List<String> keys = http.requests("/hook").stream().map(r -> r.header("Idempotency-Key")).toList();
            assertThat(keys).hasSize(7);
            assertThat(keys.subList(0, 6)).containsOnly(first.getId()); // five failures, then the first alert goes through
            assertThat(keys.get(6)).isEqualTo(second.getId());          // nothing jumped ahead of it
            assertThat(Files.readAllLines(log)).hasSize(2);
            assertThat(status).anySatisfy(s -> assertThat(s).contains("will try again"));

            // Restarted, with one more alert: delivery is in order, so anything sent again would come before it.
            Alert third = TestAlerts.alert(3.5e9);
            try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                    topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topics.alerts().name(), third.getKey(), third)).get();
            }
            try (AlertDelivery again = new AlertDelivery(cfg, topics, sinks, dir.resolve("state"), status::add).start()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (again.committed() < 1 && System.nanoTime() < deadline) Thread.sleep(100);
                assertThat(again.committed()).as("status: %s", status).isEqualTo(1);
            }
            assertThat(http.requests("/hook")).extracting(r -> r.header("Idempotency-Key")).hasSize(8).last().isEqualTo(third.getId());
            assertThat(Files.readAllLines(log)).hasSize(3);
        }
    }
}
