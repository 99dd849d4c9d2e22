package io.claimstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.avro.Article;
import io.claimstream.avro.Claim;
import io.claimstream.serde.RestSchemaRegistryClient;
import io.claimstream.serde.Samples;
import io.claimstream.serde.SchemaRegistryException;
import io.claimstream.serde.SpecificAvroSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchemaRegistryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    long t0 = System.nanoTime();
    registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
    System.out.printf("EmbeddedSchemaRegistry started in %d ms at %s%n", (System.nanoTime() - t0) / 1_000_000,
        registry.url());
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

  private static String subject(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "-value";
  }

  private static RestSchemaRegistryClient client() {
    return new RestSchemaRegistryClient(registry.url());
  }

  record Response(int status, String contentType, JsonNode body, String raw) {}

  private static Response http(String method, String path, String body) throws Exception {
    return http(method, registry.url() + path, body, null);
  }

  private static Response http(String method, String url, String body, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/vnd.schemaregistry.v1+json");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (Exception e) {
      json = null;
    }
    return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r.body());
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  // ---------------------------------------------------------------- through the client

  @Test
  void registerLookUpAndFetch() {
    RestSchemaRegistryClient client = client();
    String subject = subject("articles");
    int id = client.register(subject, Article.getClassSchema());
    assertThat(client.register(subject, Article.getClassSchema())).isEqualTo(id);
    // a fresh client (no cache) sees the same id: idempotent on the server
    assertThat(client().register(subject, Article.getClassSchema())).isEqualTo(id);
    assertThat(client().getById(id)).isEqualTo(Article.getClassSchema());
    assertThat(client().getId(subject, Article.getClassSchema())).isEqualTo(id);
    var latest = client().getLatest(subject);
    assertThat(latest.id()).isEqualTo(id);
    assertThat(latest.version()).isEqualTo(1);
    assertThat(latest.schema()).isEqualTo(Article.getClassSchema());
    assertThat(client().versions(subject)).containsExactly(1);
    assertThat(client().subjects()).contains(subject);
    // same schema in another subject: same global id
    String other = subject("again");
    assertThat(client.register(other, Article.getClassSchema())).isEqualTo(id);

    assertThatThrownBy(() -> client().getId(subject, Claim.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(40403);
          assertThat(e.status()).isEqualTo(404);
        });
    assertThatThrownBy(() -> client().getLatest("no-such-subject"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(40401);
          assertThat(e.getMessage()).contains("Subject 'no-such-subject' not found");
        });
    assertThatThrownBy(() -> client().getVersion(subject, 9))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    assertThatThrownBy(() -> client().getById(987654))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void compatibilityUnderBackward() {
    RestSchemaRegistryClient client = client();
    String subject = subject("evolve");
    assertThat(client.getCompatibility(subject)).isEqualTo("BACKWARD");
    int v1 = client.register(subject, Article.getClassSchema());
    assertThat(client.testCompatibility(subject, Samples.articleIncompatible())).isNotEmpty();
    assertThatThrownBy(() -> client.register(subject, Samples.articleIncompatible()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(409);
          assertThat(e.getMessage()).contains("Schema being registered is incompatible with an earlier schema");
        });
    assertThat(client.testCompatibility(subject, Samples.articleV2())).isEmpty();
    int v2 = client.register(subject, Samples.articleV2());
    assertThat(v2).isNotEqualTo(v1);
    assertThat(client.versions(subject)).containsExactly(1, 2);
    assertThat(client.getLatest(subject).schema()).isEqualTo(Samples.articleV2());

    // FORWARD: the old schema must read the new one: dropping a field without default is refused
    String forward = subject("forward");
    client.setCompatibility(forward, "FORWARD");
    assertThat(client.getCompatibility(forward)).isEqualTo("FORWARD");
    client.register(forward, Article.getClassSchema());
    // a required field added: fine for FORWARD (old readers ignore it) though not for BACKWARD
    client.register(forward, Samples.articleIncompatible());
    org.apache.avro.Schema withoutText = org.apache.avro.SchemaBuilder.record("Article")
        .namespace("io.claimstream.avro").fields().requiredString("id").endRecord();
    assertThatThrownBy(() -> client.register(forward, withoutText))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    // NONE accepts anything
    client.setCompatibility(forward, "NONE");
    assertThat(client.register(forward, Claim.getClassSchema())).isPositive();
    assertThat(client.versions(forward)).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> client.setCompatibility(forward, "SIDEWAYS"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }

  @Test
  void softThenHardDelete() {
    RestSchemaRegistryClient client = client();
    String subject = subject("gone");
    int id = client.register(subject, Article.getClassSchema());
    client.register(subject, Samples.articleV2());
    assertThatThrownBy(() -> client.deleteSubject(subject, true))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40405));
    assertThat(client.deleteSubject(subject, false)).containsExactly(1, 2);
    assertThat(client.subjects()).doesNotContain(subject);
    // soft-deleted schemas stay readable by id (old records must still decode)
    assertThat(client().getById(id)).isEqualTo(Article.getClassSchema());
    assertThatThrownBy(() -> client.deleteSubject(subject, false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40404));
    assertThat(client.deleteSubject(subject, true)).containsExactly(1, 2);
    assertThatThrownBy(() -> client.deleteSubject(subject, true))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    // re-registering after a soft delete continues the version numbers
    String again = subject("again");
    client.register(again, Article.getClassSchema());
    assertThat(client.deleteVersion(again, 1, false)).isEqualTo(1);
    client.register(again, Article.getClassSchema());
    assertThat(client.versions(again)).containsExactly(2);
  }

  @Test
  void serdeThroughTheRegistryAndTheBroker() {
    String topic = "articles-" + UUID.randomUUID();
    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class);
    serde.configure(Map.of("schema.registry.url", registry.url()), false);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
        new StringSerializer(), serde.serializer())) {
      producer.send(new ProducerRecord<>(topic, "a1", Samples.article()));
      producer.send(new ProducerRecord<>(topic, "a2", null));
      producer.flush();
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("auto.offset.reset", "earliest");
    try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), serde.deserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      List<Article> values = new java.util.ArrayList<>();
      long deadline = System.currentTimeMillis() + 15_000;
      while (values.size() < 2 && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
      assertThat(values).containsExactly(Samples.article(), null);
    }
    assertThat(client().subjects()).contains(topic + "-value");
  }

  @Test
  void failoverToTheNextUrl() throws Exception {
    int dead;
    try (var socket = new java.net.ServerSocket(0)) {
      dead = socket.getLocalPort();
    }
    RestSchemaRegistryClient client = new RestSchemaRegistryClient("http://localhost:" + dead + "," + registry.url());
    String subject = subject("failover");
    assertThat(client.register(subject, Article.getClassSchema())).isPositive();
    RestSchemaRegistryClient none = new RestSchemaRegistryClient("http://localhost:" + dead);
    assertThatThrownBy(() -> none.subjects())
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.getMessage()).contains("unreachable"));
  }

  // ---------------------------------------------------------------- raw HTTP, Confluent's shapes

  @Test
  void rawHttpShapes() throws Exception {
    Response root = http("GET", "/", null);
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(root.raw()).isEqualTo("{}");

    assertThat(http("GET", "/schemas/types", null).raw()).isEqualTo("[\"AVRO\"]");
    assertThat(http("GET", "/mode", null).raw()).isEqualTo("{\"mode\":\"READWRITE\"}");
    assertThat(http("GET", "/config", null).body().path("compatibilityLevel").asText()).isNotEmpty();

    String subject = subject("raw");
    Response registered = http("POST", "/subjects/" + subject + "/versions", schemaBody(Article.getClassSchema()));
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.body().size()).isEqualTo(1);
    int id = registered.body().path("id").asInt();
    assertThat(id).isPositive();

    // the same schema, pretty-printed as curl users send it: same id, no new version
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(Article.getClassSchema().toString()));
    Response again = http("POST", "/subjects/" + subject + "/versions",
        JSON.createObjectNode().put("schema", pretty).put("schemaType", "AVRO").set("references", JSON.createArrayNode())
            .toString());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asInt()).isEqualTo(id);
    assertError(http("POST", "/subjects/" + subject + "/versions",
        JSON.createObjectNode().put("schema", "{}").put("schemaType", "PROTOBUF").toString()), 422, 42201);

    Response version = http("GET", "/subjects/" + subject + "/versions/1", null);
    assertThat(version.status()).isEqualTo(200);
    assertThat(iterable(version.body().fieldNames())).containsExactly("subject", "version", "id", "schema");
    assertThat(version.body().path("subject").asText()).isEqualTo(subject);
    assertThat(version.body().path("version").asInt()).isEqualTo(1);
    assertThat(version.body().path("id").asInt()).isEqualTo(id);
    assertThat(new Schema.Parser().parse(version.body().path("schema").asText())).isEqualTo(Article.getClassSchema());
    assertThat(http("GET", "/subjects/" + subject + "/versions/latest", null).body()).isEqualTo(version.body());

    Response rawSchema = http("GET", "/subjects/" + subject + "/versions/1/schema", null);
    assertThat(new Schema.Parser().parse(rawSchema.raw())).isEqualTo(Article.getClassSchema());

    Response byId = http("GET", "/schemas/ids/" + id, null);
    assertThat(iterable(byId.body().fieldNames())).containsExactly("schema");
    assertThat(new Schema.Parser().parse(byId.body().path("schema").asText())).isEqualTo(Article.getClassSchema());

    Response idVersions = http("GET", "/schemas/ids/" + id + "/versions", null);
    assertThat(idVersions.body().isArray()).isTrue();
    assertThat(idVersions.raw()).contains("{\"subject\":\"" + subject + "\",\"version\":1}");

    assertThat(http("GET", "/subjects/" + subject + "/versions", null).raw()).isEqualTo("[1]");
    assertThat(http("GET", "/subjects", null).body().isArray()).isTrue();

    Response lookup = http("POST", "/subjects/" + subject, schemaBody(Article.getClassSchema()));
    assertThat(lookup.status()).isEqualTo(200);
    assertThat(lookup.body().path("id").asInt()).isEqualTo(id);
    assertThat(lookup.body().path("version").asInt()).isEqualTo(1);

    Response compat = http("POST", "/compatibility/subjects/" + subject + "/versions/latest",
        schemaBody(Samples.articleIncompatible()));
    assertThat(compat.status()).isEqualTo(200);
    assertThat(compat.body().path("is_compatible").asBoolean(true)).isFalse();
    assertThat(compat.body().path("messages").size()).isPositive();
    Response compatOk = http("POST", "/compatibility/subjects/" + subject + "/versions/1",
        schemaBody(Samples.articleV2()));
    assertThat(compatOk.body().path("is_compatible").asBoolean(false)).isTrue();

    Response conflict = http("POST", "/subjects/" + subject + "/versions", schemaBody(Samples.articleIncompatible()));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body().path("error_code").asInt()).isEqualTo(409);
    assertThat(conflict.body().path("message").asText())
        .startsWith("Schema being registered is incompatible with an earlier schema");

    Response invalid = http("POST", "/subjects/" + subject + "/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrod\\\"}\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body().path("error_code").asInt()).isEqualTo(42201);

    assertError(http("GET", "/subjects/nope-" + UUID.randomUUID() + "/versions", null), 404, 40401);
    assertError(http("GET", "/subjects/" + subject + "/versions/42", null), 404, 40402);
    assertError(http("GET", "/subjects/" + subject + "/versions/abc", null), 422, 42202);
    assertError(http("GET", "/schemas/ids/99999", null), 404, 40403);
    assertError(http("GET", "/no/such/endpoint", null), 404, 404);
    assertError(http("POST", "/subjects/" + subject, schemaBody(Claim.getClassSchema())), 404, 40403);
    assertError(http("GET", "/config/" + subject, null), 404, 40408);
    assertError(http("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertError(http("POST", "/subjects/" + subject + "/versions", "not json"), 400, 400);

    Response put = http("PUT", "/config/" + subject, "{\"compatibility\":\"FULL\"}");
    assertThat(put.raw()).isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(http("GET", "/config/" + subject, null).raw()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(http("DELETE", "/config/" + subject, null).raw()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertError(http("GET", "/config/" + subject, null), 404, 40408);

    assertThat(http("DELETE", "/subjects/" + subject + "/versions/1", null).raw()).isEqualTo("1");
    assertThat(http("DELETE", "/subjects/" + subject + "/versions/1?permanent=true", null).raw()).isEqualTo("1");
    assertError(http("GET", "/subjects/" + subject + "/versions", null), 404, 40401);
  }

  private static void assertError(Response r, int status, int code) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(iterable(r.body().fieldNames())).containsExactly("error_code", "message");
    assertThat(r.body().path("error_code").asInt()).as(r.raw()).isEqualTo(code);
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> l = new java.util.ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  // ---------------------------------------------------------------- durability

  @Test
  void restartRebuildsStateFromTheSchemasTopic() {
    String topic = "_schemas_restart";
    String subject = subject("durable");
    int id1;
    int id2;
    try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0, Map.of(), topic)) {
      RestSchemaRegistryClient c = new RestSchemaRegistryClient(first.url());
      id1 = c.register(subject, Article.getClassSchema());
      id2 = c.register(subject, Samples.articleV2());
      c.setCompatibility(subject, "FULL");
      c.register("doomed-value", Claim.getClassSchema());
      c.deleteSubject("doomed-value", false);
    }
    try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0, Map.of(), topic)) {
      RestSchemaRegistryClient c = new RestSchemaRegistryClient(second.url());
      assertThat(c.getById(id1)).isEqualTo(Article.getClassSchema());
      assertThat(c.getById(id2)).isEqualTo(Samples.articleV2());
      assertThat(c.versions(subject)).containsExactly(1, 2);
      assertThat(c.getLatest(subject).id()).isEqualTo(id2);
      assertThat(c.getCompatibility(subject)).isEqualTo("FULL");
      assertThat(c.subjects()).containsExactly(subject);
      assertThat(c.register(subject, Article.getClassSchema())).isEqualTo(id1);
      int fresh = c.register("new-value", Samples.articleIncompatible());
      assertThat(fresh).isGreaterThan(Math.max(id1, id2));
    }
  }

  @Test
  void sharedRegistryRestartKeepsIds() {
    String subject = subject("shared");
    int id = client().register(subject, Claim.getClassSchema());
    registry.close();
    registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
    assertThat(client().getId(subject, Claim.getClassSchema())).isEqualTo(id);
    assertThat(client().getById(id)).isEqualTo(Claim.getClassSchema());
  }

  // ---------------------------------------------------------------- basic auth

  @Test
  void basicAuth() throws Exception {
    try (EmbeddedSchemaRegistry secured = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0,
        Map.of("alice", "s3cret-pw"), "_schemas_secured")) {
      Response anonymous = http("GET", secured.url() + "/subjects", null, null);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.body().path("error_code").asInt()).isEqualTo(401);
      Response wrong = http("GET", secured.url() + "/subjects", null,
          "Basic " + Base64.getEncoder().encodeToString("alice:nope".getBytes()));
      assertThat(wrong.status()).isEqualTo(401);

      RestSchemaRegistryClient noCredentials = new RestSchemaRegistryClient(secured.url());
      assertThatThrownBy(noCredentials::subjects)
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401));

      RestSchemaRegistryClient userInfo = new RestSchemaRegistryClient(secured.url(), "USER_INFO", "alice:s3cret-pw",
          null, null);
      assertThat(userInfo.register("x-value", Article.getClassSchema())).isPositive();
      assertThat(userInfo.toString()).doesNotContain("s3cret");

      String withUser = secured.url().replace("http://", "http://alice:s3cret-pw@");
      RestSchemaRegistryClient url = new RestSchemaRegistryClient(withUser, "URL", null, null, null);
      assertThat(url.subjects()).containsExactly("x-value");
      assertThat(url.toString()).doesNotContain("s3cret");
      assertThatThrownBy(() -> url.getLatest("missing"))
          .isInstanceOfSatisfying(SchemaRegistryException.class,
              e -> assertThat(e.getMessage()).doesNotContain("s3cret").contains("40401"));

      RestSchemaRegistryClient bad = new RestSchemaRegistryClient(secured.url(), "USER_INFO", "alice:wrong-pw", null, null);
      assertThatThrownBy(bad::subjects)
          .isInstanceOfSatisfying(SchemaRegistryException.class,
              e -> assertThat(e.getMessage()).doesNotContain("wrong-pw").contains("401"));

      SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class);
      serde.configure(Map.of("schema.registry.url", secured.url(), "basic.auth.credentials.source", "USER_INFO",
          "basic.auth.user.info", "alice:s3cret-pw"), false);
      byte[] bytes = serde.serializer().serialize("secure", Samples.article());
      assertThat(serde.deserializer().deserialize("secure", bytes)).isEqualTo(Samples.article());
    }
  }
}
