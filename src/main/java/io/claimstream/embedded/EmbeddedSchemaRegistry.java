package io.claimstream.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.serde.RegisteredSchema;
import io.claimstream.serde.SchemaRegistryException;
import io.claimstream.serde.SchemaRegistryState;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A single-node schema registry speaking Confluent's REST API on localhost, keeping its schemas in
 * a compacted {@code _schemas} topic of the given Kafka cluster the way Confluent's does: on start
 * it reads the topic to its end to rebuild the state; each change is written to the topic first
 * (and waited for), then applied in memory. Ids are global and survive restarts.
 *
 * <p>Optional HTTP basic auth: with a non-empty users map (user → password) every request needs
 * valid credentials, else 401.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  static {
    for (String name : new String[] {"io.javalin", "org.eclipse.jetty"}) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }

  public static final String DEFAULT_TOPIC = "_schemas";
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrapServers;
  /** bootstrap.servers and, for a secured cluster, its security.protocol / sasl.* / ssl.* settings. */
  private final Properties kafkaClient;
  private final String topic;
  private final Map<String, String> users;
  private final KafkaProducer<String, String> producer;
  private final SchemaRegistryState state;
  private final Javalin app;

  /**
   * Starts a registry requiring HTTP basic auth with one of these user → password (empty map = no
   * auth); same as {@link #start(String, int, Map)}.
   */
  public EmbeddedSchemaRegistry(String bootstrapServers, int port, Map<String, String> users) {
    this(bootstrapServers, port, users, DEFAULT_TOPIC);
  }

  /** Full form: also the topic (default {@code _schemas}). Starts the server. */
  public EmbeddedSchemaRegistry(String bootstrapServers, int port, Map<String, String> users, String topic) {
    this(bootstrapOnly(bootstrapServers), port, users, topic);
  }

  /**
   * Over a cluster reached with these client settings (bootstrap.servers plus, for a secured cluster, its
   * security.protocol, sasl.* and ssl.* properties, as {@link EmbeddedKafka#clientConfig()} gives them).
   */
  public EmbeddedSchemaRegistry(Properties kafkaClient, int port, Map<String, String> users, String topic) {
    this.kafkaClient = new Properties();
    this.kafkaClient.putAll(kafkaClient);
    this.bootstrapServers = kafkaClient.getProperty("bootstrap.servers");
    this.topic = topic;
    this.users = Map.copyOf(users);
    ensureTopic();
    Properties p = new Properties();
    p.putAll(this.kafkaClient);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "embedded-schema-registry");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.state = new SchemaRegistryState(this::append);
    try {
      replay();
      this.app = Javalin.create(config -> {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.router.ignoreTrailingSlashes = true;
        config.http.defaultContentType = CONTENT_TYPE;
      });
      routes(app);
      app.start("localhost", port);
    } catch (RuntimeException e) {
      producer.close(Duration.ofSeconds(5));
      throw e;
    }
  }

  /** Starts a registry on localhost:port (0 = a free port) over the cluster's {@code _schemas} topic. */
  public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
    return new EmbeddedSchemaRegistry(bootstrapServers, port, Map.of(), DEFAULT_TOPIC);
  }

  /** As {@link #start(String, int)}, requiring HTTP basic auth with one of these user → password. */
  public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, Map<String, String> users) {
    return new EmbeddedSchemaRegistry(bootstrapServers, port, users, DEFAULT_TOPIC);
  }

  /** Full form: another topic than {@code _schemas} (e.g. several registries on one cluster). */
  public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, Map<String, String> users,
      String topic) {
    return new EmbeddedSchemaRegistry(bootstrapServers, port, users, topic);
  }

  private static Properties bootstrapOnly(String bootstrapServers) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", bootstrapServers);
    return p;
  }

  /** As {@link #EmbeddedSchemaRegistry(Properties, int, Map, String)} over {@code _schemas}. */
  public static EmbeddedSchemaRegistry start(Properties kafkaClient, int port, Map<String, String> users) {
    return new EmbeddedSchemaRegistry(kafkaClient, port, users, DEFAULT_TOPIC);
  }

  /** "http://localhost:PORT". */
  public String url() {
    return "http://localhost:" + app.port();
  }

  public int port() {
    return app.port();
  }

  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      producer.close(Duration.ofSeconds(10));
    }
  }

  // ---------------------------------------------------------------- storage

  private void ensureTopic() {
    Properties a = new Properties();
    a.putAll(kafkaClient);
    a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(a)) {
      NewTopic t = new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"));
      admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create the schema topic " + topic + ": " + e.getCause(), e);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the schema topic " + topic + ": " + e, e);
    }
  }

  /** Reads the topic from the beginning to its end, applying every record. */
  private void replay() {
    Properties p = new Properties();
    p.putAll(kafkaClient);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "embedded-schema-registry-reader");
    TopicPartition tp = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
      long deadline = System.currentTimeMillis() + 60_000;
      while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("Timed out reading " + topic + " to offset " + end);
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null) {
            state.apply(r.key(), r.value());
          }
        }
      }
    }
  }

  private void append(String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, 0, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR, "Interrupted writing to " + topic);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
          "Error while writing to the schema store topic " + topic + ": " + cause, cause);
    }
  }

  // ---------------------------------------------------------------- HTTP

  private void routes(Javalin app) {
    app.exception(SchemaRegistryException.class, (e, ctx) -> error(ctx, e.status(), e.errorCode(), e.getMessage()));
    app.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, 400, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> error(ctx, 500, SchemaRegistryException.INTERNAL_ERROR,
        "Internal error: " + e));
    // unknown endpoints, wrong methods...: Javalin's own responses, in Confluent's error shape
    app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) ->
        error(ctx, e.getStatus(), e.getStatus(), "HTTP " + e.getStatus() + " " + e.getMessage()));
    if (!users.isEmpty()) {
      app.before(this::authenticate);
    }

    app.get("/", ctx -> json(ctx, JSON.createObjectNode()));
    app.get("/schemas/types", ctx -> json(ctx, JSON.createArrayNode().add("AVRO")));
    app.get("/mode", ctx -> json(ctx, JSON.createObjectNode().put("mode", "READWRITE")));
    app.get("/mode/{subject}", ctx -> json(ctx, JSON.createObjectNode().put("mode", "READWRITE")));

    app.get("/subjects", ctx -> json(ctx, JSON.valueToTree(state.subjects())));
    app.get("/subjects/{subject}/versions", ctx -> json(ctx, JSON.valueToTree(state.versions(subject(ctx)))));
    app.get("/subjects/{subject}/versions/{version}", ctx ->
        json(ctx, versionJson(state.version(subject(ctx), version(ctx)))));
    app.get("/subjects/{subject}/versions/{version}/schema", ctx ->
        ctx.contentType(CONTENT_TYPE).result(state.version(subject(ctx), version(ctx)).schema().toString()));
    app.post("/subjects/{subject}/versions", ctx -> {
      int id = state.register(subject(ctx), schemaOf(ctx));
      json(ctx, JSON.createObjectNode().put("id", id));
    });
    app.post("/subjects/{subject}", ctx -> json(ctx, versionJson(state.lookup(subject(ctx), schemaOf(ctx)))));
    app.delete("/subjects/{subject}", ctx ->
        json(ctx, JSON.valueToTree(state.deleteSubject(subject(ctx), permanent(ctx)))));
    app.delete("/subjects/{subject}/versions/{version}", ctx ->
        json(ctx, JSON.getNodeFactory().numberNode(state.deleteVersion(subject(ctx), version(ctx), permanent(ctx)))));

    app.get("/schemas/ids/{id}", ctx -> json(ctx, JSON.createObjectNode().put("schema", state.schemaById(id(ctx)))));
    app.get("/schemas/ids/{id}/schema", ctx -> ctx.contentType(CONTENT_TYPE).result(state.schemaById(id(ctx))));
    app.get("/schemas/ids/{id}/versions", ctx -> {
      ArrayNode result = JSON.createArrayNode();
      state.idVersions(id(ctx)).forEach(e -> result.addObject().put("subject", e.getKey()).put("version", e.getValue()));
      json(ctx, result);
    });
    app.get("/schemas/ids/{id}/subjects", ctx -> {
      ArrayNode result = JSON.createArrayNode();
      state.idVersions(id(ctx)).stream().map(Map.Entry::getKey).distinct().forEach(result::add);
      json(ctx, result);
    });

    app.get("/config", ctx -> json(ctx, JSON.createObjectNode().put("compatibilityLevel", state.compatibility(null))));
    app.put("/config", ctx -> json(ctx, JSON.createObjectNode()
        .put("compatibility", state.setCompatibility(null, compatibilityOf(ctx)))));
    app.get("/config/{subject}", ctx -> {
      String subject = subject(ctx);
      String level = "true".equalsIgnoreCase(ctx.queryParam("defaultToGlobal"))
          ? state.compatibility(subject) : state.subjectCompatibility(subject);
      json(ctx, JSON.createObjectNode().put("compatibilityLevel", level));
    });
    app.put("/config/{subject}", ctx -> json(ctx, JSON.createObjectNode()
        .put("compatibility", state.setCompatibility(subject(ctx), compatibilityOf(ctx)))));
    app.delete("/config/{subject}", ctx -> json(ctx, JSON.createObjectNode()
        .put("compatibilityLevel", state.deleteCompatibility(subject(ctx)))));

    app.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
        compatibility(ctx, version(ctx)));
    app.post("/compatibility/subjects/{subject}/versions", ctx -> compatibility(ctx, -1));
  }

  private void compatibility(Context ctx, int version) {
    List<String> problems = state.testCompatibility(subject(ctx), version, schemaOf(ctx));
    ObjectNode result = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
    ArrayNode messages = result.putArray("messages");
    problems.forEach(messages::add);
    json(ctx, result);
  }

  private void authenticate(Context ctx) {
    BasicAuthCredentials credentials = null;
    try {
      credentials = ctx.basicAuthCredentials();
    } catch (RuntimeException e) {
      // malformed header: same as none
    }
    if (credentials != null) {
      String expected = users.get(credentials.getUsername());
      if (expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
          credentials.getPassword().getBytes(StandardCharsets.UTF_8))) {
        return;
      }
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
    throw new SchemaRegistryException(401, SchemaRegistryException.UNAUTHORIZED, "Unauthorized");
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static int version(Context ctx) {
    return SchemaRegistryState.parseVersion(ctx.pathParam("version"));
  }

  private static boolean permanent(Context ctx) {
    return "true".equalsIgnoreCase(ctx.queryParam("permanent"));
  }

  private static int id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
    }
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    try {
      JsonNode node = text == null || text.isBlank() ? null : JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new BadRequest("Request body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest("Unparseable JSON body: " + e.getOriginalMessage());
    }
  }

  private static String schemaOf(Context ctx) {
    JsonNode body = body(ctx);
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equalsIgnoreCase(type)) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Unsupported schema type " + type + " (this registry knows AVRO only)");
    }
    if (body.path("references").size() > 0) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Schema references are not supported by this registry");
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: the body needs a \"schema\" string");
    }
    return schema.asText();
  }

  private static String compatibilityOf(Context ctx) {
    JsonNode body = body(ctx);
    return body.path("compatibility").asText(body.path("compatibilityLevel").asText(null));
  }

  private static ObjectNode versionJson(RegisteredSchema r) {
    return JSON.createObjectNode().put("subject", r.subject()).put("version", r.version()).put("id", r.id())
        .put("schema", r.schema().toString());
  }

  private static void json(Context ctx, JsonNode node) {
    ctx.status(200).contentType(CONTENT_TYPE).result(node.toString());
  }

  private static void error(Context ctx, int status, int code, String message) {
    ctx.status(status).contentType(CONTENT_TYPE)
        .result(JSON.createObjectNode().put("error_code", code).put("message", message).toString());
  }

  @Override
  public String toString() {
    return "EmbeddedSchemaRegistry[" + url() + " on " + bootstrapServers + "/" + topic + "]";
  }
}
