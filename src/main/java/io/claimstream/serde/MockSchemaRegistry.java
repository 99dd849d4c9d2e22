package io.claimstream.serde;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry for URLs {@code mock://<scope>}: every scope is a registry of its own,
 * shared by every serde configured with that URL in this JVM, with the same rules as a real
 * registry (ids, versions, deletes, compatibility). Tests call {@link #drop(String)} to forget one.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

  public static final String PREFIX = "mock://";

  private static final ConcurrentMap<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final String scope;
  private final SchemaRegistryState state = new SchemaRegistryState((k, v) -> { });

  private MockSchemaRegistry(String scope) {
    this.scope = scope;
  }

  /** The registry of a scope ("x" or "mock://x"), created on first use. */
  public static MockSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scopeOf(scope), MockSchemaRegistry::new);
  }

  /** Forgets a scope: the next use starts empty. */
  public static void drop(String scope) {
    SCOPES.remove(scopeOf(scope));
  }

  static String scopeOf(String urlOrScope) {
    String s = urlOrScope.trim();
    if (s.startsWith(PREFIX)) {
      s = s.substring(PREFIX.length());
    }
    int slash = s.indexOf('/');
    return slash >= 0 ? s.substring(0, slash) : s;
  }

  public String scope() {
    return scope;
  }

  /** The state behind this scope. */
  public SchemaRegistryState state() {
    return state;
  }

  @Override
  public int register(String subject, Schema schema) {
    return state.register(subject, schema.toString());
  }

  @Override
  public Schema getById(int id) {
    return SchemaRegistryState.parse(state.schemaById(id));
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return state.version(subject, -1);
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return state.version(subject, version);
  }

  @Override
  public int getId(String subject, Schema schema) {
    return lookup(subject, schema).id();
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return state.lookup(subject, schema.toString());
  }

  @Override
  public List<String> subjects() {
    return state.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return state.versions(subject);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return state.deleteSubject(subject, permanent);
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    return state.deleteVersion(subject, version, permanent);
  }

  @Override
  public String getCompatibility(String subject) {
    return state.compatibility(subject);
  }

  @Override
  public void setCompatibility(String subject, String level) {
    state.setCompatibility(subject, level);
  }

  @Override
  public List<String> testCompatibility(String subject, Schema schema) {
    return state.testCompatibility(subject, -1, schema.toString());
  }

  @Override
  public String toString() {
    return "MockSchemaRegistry[" + PREFIX + scope + "]";
  }
}
