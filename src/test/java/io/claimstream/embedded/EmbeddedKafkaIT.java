package io.claimstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    System.out.printf("EmbeddedKafka started in %d ms (%s), heap used %d MiB%n",
        (System.nanoTime() - t0) / 1_000_000, kafka.bootstrapServers(),
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.putAll(extra);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(String topic, String isolation, int expectAtLeast) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.currentTimeMillis() + 15_000;
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      while (System.currentTimeMillis() < deadline && (values.size() < expectAtLeast || consumer.position(tp) < end)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.key() + "=" + r.value());
        }
        end = consumer.endOffsets(List.of(tp)).get(tp);
      }
    }
    return values;
  }

  @Test
  void produceAndConsume() throws Exception {
    String topic = "plain-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (var producer = producer(Map.of())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
      }
    }
    List<String> values = readAll(topic, "read_uncommitted", 10);
    assertThat(values).hasSize(10).startsWith("k0=v0").endsWith("k9=v9");
  }

  @Test
  void transactionalCommitIsVisibleToReadCommittedAndAbortIsNot() {
    String topic = "tx-" + UUID.randomUUID();
    try (var producer = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID(),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
      producer.commitTransaction();
    }
    assertThat(readAll(topic, "read_committed", 3))
        .containsExactly("a=committed-1", "b=committed-2", "d=committed-3");
    assertThat(readAll(topic, "read_uncommitted", 4)).contains("c=aborted");
  }

  @Test
  void restartKeepsDataPortAndServesTransactionsAgain() throws Exception {
    String topic = "durable-" + UUID.randomUUID();
    try (var producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, "k", "before")).get();
    }
    String bootstrap = kafka.bootstrapServers();
    String clusterId;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      clusterId = admin.describeCluster().clusterId().get();
    }
    kafka.restart();
    System.out.printf("EmbeddedKafka restarted in %d ms%n", kafka.lastStartupMillis());
    assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
    }
    try (var producer = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "after-restart"))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "after"));
      producer.commitTransaction();
    }
    assertThat(readAll(topic, "read_committed", 2)).containsExactly("k=before", "k=after");
  }

  @Test
  void aNewInstanceOnTheSameDirectoryReusesClusterAndData() throws Exception {
    Path other = dir.resolve("second");
    String topic = "reuse";
    String clusterId;
    int port;
    try (EmbeddedKafka first = EmbeddedKafka.start(other, 0)) {
      port = first.port();
      try (var p = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", first.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        p.send(new ProducerRecord<>(topic, "k", "kept")).get();
      }
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
        clusterId = admin.describeCluster().clusterId().get();
      }
    }
    try (EmbeddedKafka second = EmbeddedKafka.start(other, 0)) {
      assertThat(second.port()).isEqualTo(port);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
        assertThat(admin.listTopics().names().get()).contains(topic);
      }
      Properties p = new Properties();
      p.put("bootstrap.servers", second.bootstrapServers());
      p.put("auto.offset.reset", "earliest");
      try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
        TopicPartition tp = new TopicPartition(topic, 0);
        c.assign(List.of(tp));
        var records = c.poll(Duration.ofSeconds(10));
        assertThat(records.records(tp)).extracting(ConsumerRecord::value).containsExactly("kept");
      }
    }
  }
}
