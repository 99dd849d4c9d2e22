package io.claimstream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.claimstream.avro.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serde as Kafka Streams configures it: default serde class + app properties, DLQ on bad bytes. */
class StreamsSerdeConfigTest {

  private final String scope = "streams-" + UUID.randomUUID();

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void defaultSerdeFromConfigAndBadBytesGoToTheDeadLetterQueueWithTheReason() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, Article>stream("articles")
        .mapValues(a -> Article.newBuilder(a).setLanguage("xx").build())
        .to("out");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-config");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles-dlq");
    props.put("schema.registry.url", "mock://" + scope);

    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class);
    serde.configure(java.util.Map.of("schema.registry.url", "mock://" + scope), false);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      var good = driver.createInputTopic("articles", new StringSerializer(), serde.serializer());
      var raw = driver.createInputTopic("articles", new StringSerializer(), new ByteArraySerializer());
      var out = driver.createOutputTopic("out", new StringDeserializer(), serde.deserializer());
      var dlq = driver.createOutputTopic("articles-dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());

      good.pipeInput("a1", Samples.article());
      raw.pipeInput("bad", new byte[] {1, 2, 3, 4, 5, 6});
      good.pipeInput("a2", Samples.sparseArticle());

      List<Article> results = out.readValuesToList();
      assertThat(results).extracting(Article::getId).containsExactly("a1", "a2");
      assertThat(results).allSatisfy(a -> assertThat(a.getLanguage()).isEqualTo("xx"));

      var dead = dlq.readRecordsToList();
      assertThat(dead).hasSize(1);
      List<String> headers = new ArrayList<>();
      for (Header h : dead.get(0).headers()) {
        headers.add(h.key() + "=" + (h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
      }
      assertThat(headers).anySatisfy(h -> assertThat(h).contains("unknown magic byte 0x01"));
      assertThat(dead.get(0).value()).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }
}
