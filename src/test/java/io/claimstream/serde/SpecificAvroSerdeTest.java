package io.claimstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claimstream.avro.Article;
import io.claimstream.avro.Claim;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

  private String scope;
  private String url;

  @BeforeEach
  void scope() {
    scope = "serde-" + UUID.randomUUID();
    url = "mock://" + scope;
  }

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type, boolean isKey, Map<String, ?> extra) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    Map<String, Object> config = new HashMap<>(extra);
    config.put("schema.registry.url", url);
    serde.configure(config, isKey);
    return serde;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void everyGeneratedTypeRoundTrips() {
    for (SpecificRecord record : Samples.all()) {
      SpecificAvroSerde serde = serde((Class) record.getClass(), false, Map.of());
      byte[] bytes = serde.serializer().serialize("t-" + record.getSchema().getName(), record);
      Object back = serde.deserializer().deserialize("t-" + record.getSchema().getName(), bytes);
      assertThat(back).isInstanceOf(record.getClass()).isEqualTo(record);
    }
  }

  @Test
  void classlessSerdeReadsIntoTheClassNamedByTheWriterSchema() {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", url), false);
    for (SpecificRecord record : Samples.all()) {
      String topic = "any-" + record.getSchema().getName();
      byte[] bytes = serde.serializer().serialize(topic, record);
      assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(record);
    }
  }

  @Test
  void bytesStartWithMagicZeroAndTheRegisteredId() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    byte[] bytes = serde.serializer().serialize("articles", Samples.article());
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(url);
    int id = registry.getLatest("articles-value").id();
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(registry.getById(id)).isEqualTo(Article.getClassSchema());
    assertThat(registry.subjects()).containsExactly("articles-value");
  }

  @Test
  void keySerdeUsesTheKeySubject() {
    SpecificAvroSerde<Claim> serde = serde(Claim.class, true, Map.of());
    serde.serializer().serialize("claims", Samples.claim());
    assertThat(MockSchemaRegistry.forScope(url).subjects()).containsExactly("claims-key");
  }

  @Test
  void bodyIsPlainAvroBinary() throws Exception {
    SpecificAvroSerde<Claim> serde = serde(Claim.class, false, Map.of());
    Claim claim = Samples.claim();
    byte[] bytes = serde.serializer().serialize("claims", claim);
    byte[] body = Arrays.copyOfRange(bytes, 5, bytes.length);

    Claim specific = new SpecificDatumReader<>(Claim.class)
        .read(null, DecoderFactory.get().binaryDecoder(body, null));
    assertThat(specific).isEqualTo(claim);

    GenericRecord generic = new GenericDatumReader<GenericRecord>(Claim.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(body, null));
    assertThat(generic.get("subject").toString()).isEqualTo("acme");
    assertThat(generic.get("value")).isEqualTo(1.2e9);
    assertThat(generic.get("event_time")).isEqualTo(Samples.T.toEpochMilli());
    assertThat(generic.get("bound").toString()).isEqualTo("approx");
  }

  @Test
  void nullIsATombstoneBothWays() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    assertThat(serde.serializer().serialize("articles", null)).isNull();
    assertThat(serde.deserializer().deserialize("articles", null)).isNull();
    assertThat(MockSchemaRegistry.forScope(url).subjects()).isEmpty();
  }

  @Test
  void newerWriterWithAnExtraOptionalFieldReadsIntoTheOldClass() {
    Schema v2 = Samples.articleV2();
    GenericRecord record = new GenericData.Record(v2);
    Article v1 = Samples.article();
    for (Schema.Field f : Article.getClassSchema().getFields()) {
      Object value = v1.get(f.pos());
      if (value instanceof java.time.Instant instant) {
        value = instant.toEpochMilli();
      }
      record.put(f.name(), value);
    }
    record.put("section", "business");

    GenericAvroSerde generic = new GenericAvroSerde();
    generic.configure(Map.of("schema.registry.url", url), false);
    // v1 first, so v2 is registered as a second version under BACKWARD
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    byte[] oldBytes = serde.serializer().serialize("articles", v1);
    byte[] newBytes = generic.serializer().serialize("articles", record);
    assertThat(MockSchemaRegistry.forScope(url).versions("articles-value")).containsExactly(1, 2);
    assertThat(ByteBuffer.wrap(newBytes, 1, 4).getInt()).isNotEqualTo(ByteBuffer.wrap(oldBytes, 1, 4).getInt());

    assertThat(serde.deserializer().deserialize("articles", newBytes)).isEqualTo(v1);
    assertThat(generic.deserializer().deserialize("articles", newBytes).get("section").toString())
        .isEqualTo("business");
    // and an old record read generically keeps its own (writer) schema
    assertThat(generic.deserializer().deserialize("articles", oldBytes).getSchema())
        .isEqualTo(Article.getClassSchema());
  }

  @Test
  void wrongMagicByte() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    byte[] bytes = serde.serializer().serialize("articles", Samples.article());
    bytes[0] = 7;
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 0x07")
        .hasMessageContaining("articles");
  }

  @Test
  void tooShort() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 byte(s), too short");
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("0 byte(s), too short");
  }

  @Test
  void unknownSchemaId() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    byte[] bytes = serde.serializer().serialize("articles", Samples.article());
    ByteBuffer.wrap(bytes).put(1, (byte) 0).putShort(2, (short) 0).put(4, (byte) 99);
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 99")
        .hasMessageContaining("unknown to the schema registry");
  }

  @Test
  void truncatedBody() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    byte[] bytes = serde.serializer().serialize("articles", Samples.article());
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", cut))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("truncated");
    byte[] headerOnly = Arrays.copyOf(bytes, 5);
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", headerOnly))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void trailingGarbage() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
    byte[] bytes = serde.serializer().serialize("articles", Samples.article());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", longer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 unexpected trailing byte(s)");
  }

  @Test
  void idOfAnIncompatibleSchemaIsRefusedWithReason() {
    // bytes of a Claim registered id, read by an Article deserializer
    SpecificAvroSerde<Claim> claims = serde(Claim.class, false, Map.of());
    byte[] bytes = claims.serializer().serialize("claims", Samples.claim());
    SpecificAvroSerde<Article> articles = serde(Article.class, false, Map.of());
    assertThatThrownBy(() -> articles.deserializer().deserialize("claims", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot be read as io.claimstream.avro.Article");
  }

  @Test
  void autoRegisterFalseWithAnUnregisteredSchemaFails() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of("auto.register.schemas", "false"));
    assertThatThrownBy(() -> serde.serializer().serialize("articles", Samples.article()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not registered under subject 'articles-value'")
        .hasMessageContaining("auto.register.schemas=false");
    assertThat(MockSchemaRegistry.forScope(url).subjects()).isEmpty();

    int id = MockSchemaRegistry.forScope(url).register("articles-value", Article.getClassSchema());
    SpecificAvroSerde<Article> again = serde(Article.class, false, Map.of("auto.register.schemas", false));
    byte[] bytes = again.serializer().serialize("articles", Samples.article());
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void useLatestVersionWritesWithTheLatestSchema() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(url);
    registry.register("articles-value", Article.getClassSchema());
    int v2 = registry.register("articles-value", Samples.articleV2());
    SpecificAvroSerde<Article> serde = serde(Article.class, false,
        Map.of("auto.register.schemas", "false", "use.latest.version", "true"));
    byte[] bytes = serde.serializer().serialize("articles", Samples.article());
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2);
    assertThat(serde.deserializer().deserialize("articles", bytes)).isEqualTo(Samples.article());
    GenericAvroDeserializer generic = new GenericAvroDeserializer();
    generic.configure(Map.of("schema.registry.url", url), false);
    GenericRecord read = generic.deserialize("articles", bytes);
    assertThat(read.getSchema()).isEqualTo(Samples.articleV2());
    assertThat(read.get("section")).isNull();
    assertThat(read.get("title").toString()).isEqualTo(Samples.article().getTitle());
  }

  @Test
  void useLatestVersionWithoutASubjectFailsClearly() {
    SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of("use.latest.version", "true"));
    assertThatThrownBy(() -> serde.serializer().serialize("articles", Samples.article()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("latest schema of subject 'articles-value'")
        .hasMessageContaining("not found");
  }

  @Test
  void incompatibleSchemaIsRefusedByTheRegistry() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(url);
    registry.register("articles-value", Article.getClassSchema());
    assertThatThrownBy(() -> registry.register("articles-value", Samples.articleIncompatible()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(409);
          assertThat(e.getMessage()).contains("incompatible with an earlier schema").contains("words");
        });
    registry.setCompatibility("articles-value", "NONE");
    assertThat(registry.register("articles-value", Samples.articleIncompatible())).isPositive();
    assertThat(registry.versions("articles-value")).containsExactly(1, 2);
  }

  @Test
  void scopesAreIsolatedAndDropForgets() {
    String other = scope + "-other";
    try {
      SpecificAvroSerde<Article> serde = serde(Article.class, false, Map.of());
      byte[] bytes = serde.serializer().serialize("articles", Samples.article());
      SpecificAvroSerde<Article> elsewhere = new SpecificAvroSerde<>(Article.class);
      elsewhere.configure(Map.of("schema.registry.url", "mock://" + other), false);
      assertThat(MockSchemaRegistry.forScope(other).subjects()).isEmpty();
      assertThatThrownBy(() -> elsewhere.deserializer().deserialize("articles", bytes))
          .isInstanceOf(SerializationException.class).hasMessageContaining("unknown to the schema registry");

      MockSchemaRegistry.drop(scope);
      assertThat(MockSchemaRegistry.forScope(url).subjects()).isEmpty();
    } finally {
      MockSchemaRegistry.drop(other);
    }
  }

  @Test
  void sameSchemaGetsTheSameIdAcrossSubjects() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(url);
    int a = registry.register("a-value", Article.getClassSchema());
    int b = registry.register("b-value", Article.getClassSchema());
    int c = registry.register("c-value", Claim.getClassSchema());
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(registry.register("a-value", Article.getClassSchema())).isEqualTo(a);
    assertThat(registry.versions("a-value")).containsExactly(1);
  }

  @Test
  void missingUrlIsAConfigError() {
    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class);
    assertThatThrownBy(() -> serde.configure(Map.of(), false))
        .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void serdeWorksWithKafkaStreamsTopologyTestDriver() {
    // The serde as Kafka Streams uses it: configured via default serde config of the driver
    var builder = new org.apache.kafka.streams.StreamsBuilder();
    SpecificAvroSerde<Article> in = serde(Article.class, false, Map.of());
    builder.stream("in", org.apache.kafka.streams.kstream.Consumed.with(
            org.apache.kafka.common.serialization.Serdes.String(), in))
        .mapValues(a -> Article.newBuilder(a).setTitle(a.getTitle() + "!").build())
        .to("out", org.apache.kafka.streams.kstream.Produced.with(
            org.apache.kafka.common.serialization.Serdes.String(), in));
    var props = new java.util.Properties();
    props.put("application.id", "t");
    props.put("bootstrap.servers", "dummy:9092");
    try (var driver = new org.apache.kafka.streams.TopologyTestDriver(builder.build(), props)) {
      var input = driver.createInputTopic("in", new org.apache.kafka.common.serialization.StringSerializer(), in.serializer());
      var output = driver.createOutputTopic("out", new org.apache.kafka.common.serialization.StringDeserializer(), in.deserializer());
      input.pipeInput("a1", Samples.article());
      assertThat(output.readValue().getTitle()).isEqualTo(Samples.article().getTitle() + "!");
    }
    assertThat(MockSchemaRegistry.forScope(url).subjects()).containsExactlyInAnyOrder("in-value", "out-value");
  }

  @Test
  void registryErrorsForMissingThings() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(url);
    assertThatThrownBy(() -> registry.getLatest("nope"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    registry.register("s", Article.getClassSchema());
    assertThatThrownBy(() -> registry.getVersion("s", 7))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    assertThatThrownBy(() -> registry.getById(12345))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.getId("s", Claim.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThat(registry.deleteSubject("s", false)).isEqualTo(List.of(1));
    assertThat(registry.subjects()).isEmpty();
    assertThat(registry.deleteSubject("s", true)).isEqualTo(List.of(1));
  }
}
