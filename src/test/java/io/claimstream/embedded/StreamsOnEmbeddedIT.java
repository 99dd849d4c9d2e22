package io.claimstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.claimstream.avro.Article;
import io.claimstream.serde.Samples;
import io.claimstream.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three adapters together, as the application uses them: exactly-once Streams over Avro. */
class StreamsOnEmbeddedIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void exactlyOnceStreamsWithAvroSerdesAndTheRegistry() throws Exception {
    Map<String, Object> serdeConfig = Map.of("schema.registry.url", registry.url());
    SpecificAvroSerde<Article> articles = new SpecificAvroSerde<>(Article.class);
    articles.configure(serdeConfig, false);

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), articles))
        .mapValues(a -> Article.newBuilder(a).setTitle("[seen] " + a.getTitle()).build())
        .to("out", Produced.with(Serdes.String(), articles));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-it");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put("schema.registry.url", registry.url());

    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
        new StringSerializer(), articles.serializer())) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>("in", "a" + i,
            Article.newBuilder(Samples.article()).setId("a" + i).build())).get();
      }
    }
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      Properties c = new Properties();
      c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      List<Article> out = new ArrayList<>();
      try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), articles.deserializer())) {
        TopicPartition tp = new TopicPartition("out", 0);
        long deadline = System.currentTimeMillis() + 60_000;
        while (out.size() < 20 && System.currentTimeMillis() < deadline) {
          if (consumer.assignment().isEmpty()) {
            if (consumer.partitionsFor("out", Duration.ofSeconds(5)).isEmpty()) {
              Thread.sleep(100);
              continue;
            }
            consumer.assign(List.of(tp));
          }
          consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
        }
      }
      assertThat(out).hasSize(20);
      assertThat(out).allSatisfy(a -> assertThat(a.getTitle()).startsWith("[seen] "));
      assertThat(out.get(19).getId()).isEqualTo("a19");
    }
    assertThat(new io.claimstream.serde.RestSchemaRegistryClient(registry.url()).subjects())
        .contains("in-value", "out-value");
  }

  @Test
  void producerRidesOutABrokerOutage() throws Exception {
    String topic = "outage";
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "before")).get();
      long t0 = System.nanoTime();
      kafka.stop();
      System.out.printf("EmbeddedKafka stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      long[] restartedAt = {0};
      var back = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        kafka.restart();
        restartedAt[0] = System.nanoTime();
      });
      // send() may itself block (waiting for metadata) until the broker is back
      Future<RecordMetadata> during = producer.send(new ProducerRecord<>(topic, "k", "during"));
      assertThat(during.get(60, TimeUnit.SECONDS).offset()).isEqualTo(1);
      long deliveredAt = System.nanoTime();
      back.get(60, TimeUnit.SECONDS);
      assertThat(restartedAt[0]).isPositive();
      assertThat(deliveredAt).isGreaterThan(t0 + 2_000_000_000L);
    } catch (ExecutionException e) {
      throw new AssertionError("send failed across the outage", e.getCause());
    } finally {
      if (!kafka.isRunning()) {
        kafka.restart();
      }
    }
  }
}
