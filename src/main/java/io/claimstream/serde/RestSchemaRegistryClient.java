package io.claimstream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * Client of Confluent's Schema Registry REST API over {@link HttpClient}. Several base URLs may be
 * given (comma-separated): a request that cannot reach one (connection refused, timeout) is tried
 * on the next. Ids → schemas and (subject, schema) → ids are cached (they never change).
 *
 * <p>Basic auth: {@code basic.auth.credentials.source} = {@code USER_INFO} takes
 * {@code basic.auth.user.info} ({@code user:pass}); {@code URL} takes the user info of the URLs
 * ({@code http://user:pass@host:8081}). Credentials never appear in messages, logs or toString.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> baseUrls;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final AtomicInteger current = new AtomicInteger();

  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Integer>> registered = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Integer>> lookedUp = new ConcurrentHashMap<>();

  /**
   * @param urls comma-separated base URLs
   * @param credentialsSource "USER_INFO", "URL" or null (= URL, as Confluent's default)
   * @param userInfo "user:pass" for USER_INFO, else ignored
   */
  public RestSchemaRegistryClient(String urls, String credentialsSource, String userInfo,
      Duration connectTimeout, Duration requestTimeout) {
    Objects.requireNonNull(urls, "schema.registry.url");
    String source = credentialsSource == null || credentialsSource.isBlank() ? "URL"
        : credentialsSource.trim().toUpperCase(java.util.Locale.ROOT);
    List<URI> list = new ArrayList<>();
    String urlUserInfo = null;
    for (String raw : urls.split(",")) {
      String u = raw.trim();
      if (u.isEmpty()) {
        continue;
      }
      URI uri = URI.create(u);
      if (uri.getRawUserInfo() != null && urlUserInfo == null) {
        urlUserInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      list.add(URI.create(uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path));
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("schema.registry.url has no URL");
    }
    this.baseUrls = List.copyOf(list);
    String credentials = switch (source) {
      case "USER_INFO" -> {
        if (userInfo == null || userInfo.isBlank()) {
          throw new IllegalArgumentException(
              "basic.auth.credentials.source=USER_INFO needs basic.auth.user.info (user:pass)");
        }
        yield userInfo;
      }
      case "URL" -> urlUserInfo;
      default -> throw new IllegalArgumentException("Unsupported basic.auth.credentials.source '"
          + credentialsSource + "' (supported: USER_INFO, URL)");
    };
    this.authorization = credentials == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public RestSchemaRegistryClient(String urls) {
    this(urls, null, null, null, null);
  }

  /** The base URLs, without credentials. */
  public List<URI> baseUrls() {
    return baseUrls;
  }

  // ---------------------------------------------------------------- protocol

  @Override
  public int register(String subject, Schema schema) {
    String canonical = schema.toString();
    Map<String, Integer> bySchema = registered.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = bySchema.get(canonical);
    if (cached != null) {
      return cached;
    }
    JsonNode r = call("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(canonical));
    int id = r.path("id").asInt();
    bySchema.put(canonical, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode r = call("GET", "/schemas/ids/" + id, null);
    String type = r.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Schema " + id + " is of type " + type + ", not AVRO");
    }
    Schema schema = SchemaRegistryState.parse(r.path("schema").asText());
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return registered(subject, call("GET", "/subjects/" + enc(subject) + "/versions/latest", null));
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return registered(subject, call("GET", "/subjects/" + enc(subject) + "/versions/" + version, null));
  }

  @Override
  public int getId(String subject, Schema schema) {
    String canonical = schema.toString();
    Map<String, Integer> bySchema = lookedUp.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = bySchema.get(canonical);
    if (cached == null) {
      cached = registered.getOrDefault(subject, Map.of()).get(canonical);
    }
    if (cached != null) {
      return cached;
    }
    int id = lookup(subject, schema).id();
    bySchema.put(canonical, id);
    return id;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return registered(subject, call("POST", "/subjects/" + enc(subject), schemaBody(schema.toString())));
  }

  @Override
  public List<String> subjects() {
    List<String> result = new ArrayList<>();
    call("GET", "/subjects", null).forEach(n -> result.add(n.asText()));
    return result;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> result = new ArrayList<>();
    call("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> result.add(n.asInt()));
    return result;
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    List<Integer> result = new ArrayList<>();
    call("DELETE", "/subjects/" + enc(subject) + (permanent ? "?permanent=true" : ""), null)
        .forEach(n -> result.add(n.asInt()));
    registered.remove(subject);
    lookedUp.remove(subject);
    return result;
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    JsonNode r = call("DELETE", "/subjects/" + enc(subject) + "/versions/" + version
        + (permanent ? "?permanent=true" : ""), null);
    registered.remove(subject);
    lookedUp.remove(subject);
    return r.asInt();
  }

  @Override
  public String getCompatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + enc(subject) + "?defaultToGlobal=true";
    return call("GET", path, null).path("compatibilityLevel").asText();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    call("PUT", subject == null ? "/config" : "/config/" + enc(subject), body.toString());
  }

  @Override
  public List<String> testCompatibility(String subject, Schema schema) {
    JsonNode r = call("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest?verbose=true",
        schemaBody(schema.toString()));
    List<String> messages = new ArrayList<>();
    if (!r.path("is_compatible").asBoolean(false)) {
      r.path("messages").forEach(m -> messages.add(m.asText()));
      if (messages.isEmpty()) {
        messages.add("incompatible (the registry gave no details)");
      }
    }
    return messages;
  }

  // ---------------------------------------------------------------- HTTP

  private static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  private static String enc(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static RegisteredSchema registered(String subject, JsonNode r) {
    return new RegisteredSchema(r.path("subject").asText(subject), r.path("id").asInt(),
        r.path("version").asInt(), SchemaRegistryState.parse(r.path("schema").asText()));
  }

  /**
   * Sends the request to the first reachable URL; answers the parsed JSON body, or throws the
   * registry's error as {@link SchemaRegistryException}.
   */
  private JsonNode call(String method, String path, String body) {
    int start = current.get();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < baseUrls.size(); i++) {
      int index = (start + i) % baseUrls.size();
      URI base = baseUrls.get(index);
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(requestTimeout)
          .header("Accept", CONTENT_TYPE + ", application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        failures.add(base + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(500, SchemaRegistryException.INTERNAL_ERROR,
            "Interrupted while calling the schema registry " + method + " " + base + path, e);
      }
      current.set(index);
      return parse(method, base + path, response);
    }
    throw new SchemaRegistryException(503, 50301,
        "Schema registry unreachable for " + method + " " + path + ": " + String.join("; ", failures));
  }

  private static JsonNode parse(String method, String url, HttpResponse<String> response) {
    int status = response.statusCode();
    String text = response.body() == null ? "" : response.body();
    JsonNode json = null;
    try {
      json = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    } catch (IOException e) {
      if (status < 400) {
        throw new SchemaRegistryException(502, 50201, "Schema registry answered " + method + " " + url
            + " with a body that is not JSON: " + abbreviate(text));
      }
    }
    if (status >= 400) {
      int code = json != null && json.has("error_code") ? json.path("error_code").asInt() : status;
      String message = json != null && json.has("message") ? json.path("message").asText() : abbreviate(text);
      throw new SchemaRegistryException(status, code, message + "; error code: " + code
          + " (HTTP " + status + " from " + method + " " + url + ")");
    }
    return json;
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient" + baseUrls + (authorization == null ? "" : " (basic auth)");
  }
}
