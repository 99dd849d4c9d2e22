package io.claimstream.it;

import io.claimstream.avro.Article;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation scenario against a real broker and a registry spoken to over HTTP: the seeds end to end with real
 * producers and consumers, and poison records landing in the dead-letter topic while the rest flows on.
 * Subclasses say which broker and registry: the in-process ones here, containers where Docker exists.
 */
abstract class PipelineScenario {
    @TempDir
    Path stateDir;

    protected abstract String bootstrapServers();

    protected abstract String registryUrl();

    private Properties config(String applicationId) {
        Properties p = StreamsSettings.defaults();
        p.setProperty("bootstrap.servers", bootstrapServers());
        p.setProperty("schema.registry.url", registryUrl());
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    @Test
    void seedsFlowEndToEndAndPoisonRecordsAreDeadLetteredWhileTheRestFlows() throws Exception {
        Properties cfg = config("pipeline-" + UUID.randomUUID());
        try (ClaimstreamApp app = new ClaimstreamApp(cfg).start()) {
            app.awaitRunning(Duration.ofSeconds(60));
            Topics topics = app.topics();
            publishPoison(cfg);
            try (ArticlePublisher publisher = new ArticlePublisher(cfg, topics)) {
                List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
                Instant t0 = Instant.parse("2025-06-10T00:00:00Z");
                for (int i = 0; i < seeds.size(); i++) publisher.publishAndWait(ArticleFiles.read(seeds.get(i)), t0.plusSeconds(i));
            }
            try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                Progress progress = new Progress(admin, app.applicationId());
                progress.awaitCaughtUp(progress.inputs(topics), Duration.ofSeconds(90), lag -> {});
            }

            List<ConsensusChange> changes = readAll(cfg, topics.changes().name(), topics.changes().valueSerde().deserializer());
            List<GoldConsensus.Observed> observed = changes.stream()
                    .map(c -> new GoldConsensus.Observed(c.getKey(), c.getAfter() == null ? null : c.getAfter().getValue(), c.getTrigger().getArticleId()))
                    .toList();
            assertThat(GoldConsensus.violations(observed)).isEmpty();

            List<ConsumerRecord<byte[], byte[]>> dead = readAllRecords(cfg, topics.deadLetters(), new ByteArrayDeserializer());
            assertThat(dead).hasSize(2);
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("__streams.errors.exception")).isNotNull());
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("binary garbage, not Avro");
            assertThat(new String(dead.get(1).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                    .contains("9999");
        }
    }

    /** Bytes that are not Avro at all, and a well-framed record naming a schema id the registry never issued. */
    private void publishPoison(Properties cfg) throws Exception {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "poison-1".getBytes(StandardCharsets.UTF_8),
                    "binary garbage, not Avro".getBytes(StandardCharsets.UTF_8))).get();
            byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(9999).putInt(42).array();
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "poison-2".getBytes(StandardCharsets.UTF_8), unknownId)).get();
        }
    }

    private <V> List<V> readAll(Properties cfg, String topic, Deserializer<V> values) {
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<byte[], V> r : readAllRecords(cfg, topic, values)) out.add(r.value());
        return out;
    }

    /** Everything committed to the topic so far, read_committed, in offset order (single-partition topics). */
    private <V> List<ConsumerRecord<byte[], V>> readAllRecords(Properties cfg, String topic, Deserializer<V> values) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers());
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        values.configure(java.util.Map.of("schema.registry.url", registryUrl()), false);
        List<ConsumerRecord<byte[], V>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), values)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            var ends = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
