package io.claimstream.serde;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Picks the registry client for a serde's configs: {@code mock://scope} → {@link MockSchemaRegistry},
 * otherwise a {@link RestSchemaRegistryClient} shared by every serde with the same URLs and
 * credentials (so its caches are shared too).
 */
public final class SchemaRegistryClients {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Milliseconds; ours, not Confluent's. */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
  /** Milliseconds; ours, not Confluent's. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient forConfig(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
          + "\" which has no default value.");
    }
    String urls = url instanceof Iterable<?> it ? String.join(",", toStrings(it)) : url.toString().trim();
    if (urls.startsWith(MockSchemaRegistry.PREFIX)) {
      if (urls.contains(",")) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, urls, "a mock:// URL cannot be combined with others");
      }
      return MockSchemaRegistry.forScope(urls);
    }
    String source = string(configs.get(BASIC_AUTH_CREDENTIALS_SOURCE));
    String userInfo = string(configs.get(BASIC_AUTH_USER_INFO));
    Duration connect = millis(configs.get(CONNECT_TIMEOUT_MS), RestSchemaRegistryClient.DEFAULT_CONNECT_TIMEOUT);
    Duration request = millis(configs.get(REQUEST_TIMEOUT_MS), RestSchemaRegistryClient.DEFAULT_REQUEST_TIMEOUT);
    String key = urls + '\u0000' + source + '\u0000' + userInfo + '\u0000' + connect + '\u0000' + request;
    try {
      return SHARED.computeIfAbsent(key,
          k -> new RestSchemaRegistryClient(urls, source, userInfo, connect, request));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid schema registry configuration: " + e.getMessage());
    }
  }

  private static java.util.List<String> toStrings(Iterable<?> it) {
    java.util.List<String> l = new java.util.ArrayList<>();
    it.forEach(o -> l.add(o.toString().trim()));
    return l;
  }

  private static String string(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof org.apache.kafka.common.config.types.Password p) {
      return p.value();
    }
    return o.toString();
  }

  private static Duration millis(Object o, Duration dflt) {
    if (o == null) {
      return dflt;
    }
    return Duration.ofMillis(o instanceof Number n ? n.longValue() : Long.parseLong(o.toString().trim()));
  }
}
