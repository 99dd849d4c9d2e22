package io.claimstream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;

/**
 * The state of a schema registry and its rules (ids, versions, soft/hard deletes, compatibility
 * levels), shared by {@link MockSchemaRegistry} and the embedded registry server.
 *
 * <p>Every change is first written to a {@link Journal} as a key/value record in the layout of
 * Confluent's {@code _schemas} topic ({@code {"keytype":"SCHEMA","subject":..,"version":..,
 * "magic":1}} → {@code {"subject","version","id","schema","deleted"}}, {@code CONFIG} records,
 * tombstones for hard deletes) and then applied with {@link #apply}; replaying a journal with
 * {@link #apply} rebuilds the same state. Thread-safe (all methods synchronized).
 */
public final class SchemaRegistryState {

  /** Where changes go before they are applied: the Kafka topic, or nowhere (mock). */
  @FunctionalInterface
  public interface Journal {
    /** Durably appends the record; value null = tombstone. Throws to refuse the change. */
    void append(String key, String value);
  }

  public static final List<String> LEVELS =
      List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL",
          "FULL_TRANSITIVE");

  private record Version(int id, String schema, boolean deleted) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Journal journal;
  private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
  private final Map<String, String> subjectCompatibility = new HashMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, Schema> parsed = new HashMap<>();
  private String globalCompatibility = "BACKWARD";
  private int maxId = 0;

  public SchemaRegistryState(Journal journal) {
    this.journal = journal;
  }

  // ---------------------------------------------------------------- the log

  /** Applies one journal record (replay, or after a successful append). Unknown keytypes are skipped. */
  public synchronized void apply(String key, String value) {
    JsonNode k;
    JsonNode v;
    try {
      k = JSON.readTree(key);
      v = value == null ? null : JSON.readTree(value);
    } catch (Exception e) {
      throw new IllegalArgumentException("Unreadable registry record: " + key, e);
    }
    String keytype = k.path("keytype").asText("");
    switch (keytype) {
      case "SCHEMA" -> {
        String subject = k.path("subject").asText();
        int version = k.path("version").asInt();
        if (v == null) {
          TreeMap<Integer, Version> versions = subjects.get(subject);
          if (versions != null) {
            versions.remove(version);
            if (versions.isEmpty()) {
              subjects.remove(subject);
            }
          }
        } else {
          int id = v.path("id").asInt();
          String schema = v.path("schema").asText();
          boolean deleted = v.path("deleted").asBoolean(false);
          subjects.computeIfAbsent(subject, s -> new TreeMap<>())
              .put(version, new Version(id, schema, deleted));
          schemasById.put(id, schema);
          idsBySchema.putIfAbsent(schema, id);
          maxId = Math.max(maxId, id);
        }
      }
      case "CONFIG" -> {
        JsonNode subjectNode = k.path("subject");
        String subject = subjectNode.isMissingNode() || subjectNode.isNull() ? null : subjectNode.asText();
        String level = v == null ? null : v.path("compatibilityLevel").asText(null);
        if (subject == null) {
          globalCompatibility = level == null ? "BACKWARD" : level;
        } else if (level == null) {
          subjectCompatibility.remove(subject);
        } else {
          subjectCompatibility.put(subject, level);
        }
      }
      case "ID_WATERMARK" -> {
        if (v != null) {
          maxId = Math.max(maxId, v.path("maxId").asInt());
        }
      }
      default -> {
        // NOOP, DELETE_SUBJECT, MODE...: nothing to rebuild from them here
      }
    }
  }

  private void write(String key, String value) {
    try {
      journal.append(key, value);
    } catch (SchemaRegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
          "Error while writing to the schema store: " + e.getMessage(), e);
    }
    apply(key, value);
  }

  private void writeVersion(String subject, int version, int id, String schema, boolean deleted) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
    ObjectNode value = JSON.createObjectNode();
    value.put("subject", subject).put("version", version).put("id", id).put("schema", schema)
        .put("deleted", deleted);
    write(key.toString(), value.toString());
  }

  private void tombstoneVersion(String subject, int version) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
    write(key.toString(), null);
  }

  /**
   * Records the highest id handed out before a hard delete tombstones the records carrying it:
   * once compaction drops them, a restart must still not hand that id out again (old records in
   * topics refer to it). Our own keytype; a single key, so compaction keeps the newest.
   */
  private void writeIdWatermark() {
    String key = JSON.createObjectNode().put("keytype", "ID_WATERMARK").put("magic", 0).toString();
    write(key, JSON.createObjectNode().put("maxId", maxId).toString());
  }

  private void writeConfig(String subject, String level) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "CONFIG");
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    key.put("magic", 0);
    String value = null;
    if (level != null) {
      value = JSON.createObjectNode().put("compatibilityLevel", level).toString();
    }
    write(key.toString(), value);
  }

  // ---------------------------------------------------------------- schemas

  /** Parses a schema text; 422 / 42201 when it is not a valid Avro schema. */
  public static Schema parse(String text) {
    if (text == null || text.isBlank()) {
      throw SchemaRegistryException.unprocessable(SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: empty schema");
    }
    try {
      return new Schema.Parser().setValidateDefaults(true).parse(text);
    } catch (SchemaParseException | NullPointerException | IllegalArgumentException e) {
      throw SchemaRegistryException.unprocessable(SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema " + abbreviate(text) + ": " + e.getMessage());
    } catch (org.apache.avro.AvroRuntimeException e) {
      throw SchemaRegistryException.unprocessable(SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema " + abbreviate(text) + ": " + e.getMessage());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private Schema schemaOf(String canonical) {
    return parsed.computeIfAbsent(canonical, c -> new Schema.Parser().parse(c));
  }

  private TreeMap<Integer, Version> live(String subject) {
    TreeMap<Integer, Version> all = subjects.get(subject);
    TreeMap<Integer, Version> result = new TreeMap<>();
    if (all != null) {
      all.forEach((n, v) -> {
        if (!v.deleted()) {
          result.put(n, v);
        }
      });
    }
    return result;
  }

  private TreeMap<Integer, Version> liveOrFail(String subject) {
    TreeMap<Integer, Version> live = live(subject);
    if (live.isEmpty()) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.SUBJECT_NOT_FOUND,
          "Subject '" + subject + "' not found.");
    }
    return live;
  }

  /** Registers the schema text under the subject; answers the id (existing one if already there). */
  public synchronized int register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    TreeMap<Integer, Version> live = live(subject);
    for (Version v : live.values()) {
      if (v.schema().equals(canonical)) {
        return v.id();
      }
    }
    String level = compatibility(subject);
    List<Schema> previous = new ArrayList<>();
    live.descendingMap().values().forEach(v -> previous.add(schemaOf(v.schema())));
    List<String> problems = check(level, schema, previous);
    if (!problems.isEmpty()) {
      throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \"" + subject
              + "\", details: " + problems);
    }
    Integer id = idsBySchema.get(canonical);
    if (id == null) {
      id = maxId + 1;
    }
    TreeMap<Integer, Version> all = subjects.get(subject);
    int version = all == null || all.isEmpty() ? 1 : all.lastKey() + 1;
    writeVersion(subject, version, id, canonical, false);
    return id;
  }

  /** The schema text with this id; 40403 when no version refers to it. */
  public synchronized String schemaById(int id) {
    String s = schemasById.get(id);
    if (s == null || !referenced(id)) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.SCHEMA_NOT_FOUND,
          "Schema " + id + " not found");
    }
    return s;
  }

  private boolean referenced(int id) {
    for (TreeMap<Integer, Version> versions : subjects.values()) {
      for (Version v : versions.values()) {
        if (v.id() == id) {
          return true;
        }
      }
    }
    return false;
  }

  /** (subject, version) pairs using the id, live ones only. */
  public synchronized List<Map.Entry<String, Integer>> idVersions(int id) {
    schemaById(id);
    List<Map.Entry<String, Integer>> result = new ArrayList<>();
    subjects.forEach((subject, versions) -> versions.forEach((n, v) -> {
      if (v.id() == id && !v.deleted()) {
        result.add(Map.entry(subject, n));
      }
    }));
    return result;
  }

  /** Subjects with a live version, sorted. */
  public synchronized List<String> subjects() {
    List<String> result = new ArrayList<>();
    for (String s : subjects.keySet()) {
      if (!live(s).isEmpty()) {
        result.add(s);
      }
    }
    return result;
  }

  public synchronized List<Integer> versions(String subject) {
    return new ArrayList<>(liveOrFail(subject).keySet());
  }

  /** Parses a version path segment: a positive int or "latest" (-1); 42202 otherwise. */
  public static int parseVersion(String text) {
    if ("latest".equalsIgnoreCase(text) || "-1".equals(text)) {
      return -1;
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw SchemaRegistryException.unprocessable(SchemaRegistryException.INVALID_VERSION,
        "The specified version '" + text + "' is not a valid version id. Allowed values are between"
            + " [1, 2^31-1] and the string \"latest\"");
  }

  /** A live version (-1 = latest). */
  public synchronized RegisteredSchema version(String subject, int version) {
    TreeMap<Integer, Version> live = liveOrFail(subject);
    Map.Entry<Integer, Version> e = version == -1 ? live.lastEntry() : Optional.ofNullable(live.get(version))
        .map(v -> Map.entry(version, v)).orElse(null);
    if (e == null) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.VERSION_NOT_FOUND,
          "Version " + version + " not found.");
    }
    return new RegisteredSchema(subject, e.getValue().id(), e.getKey(), schemaOf(e.getValue().schema()));
  }

  /** Looks the schema up under the subject without registering it. */
  public synchronized RegisteredSchema lookup(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    TreeMap<Integer, Version> live = liveOrFail(subject);
    for (Map.Entry<Integer, Version> e : live.entrySet()) {
      if (e.getValue().schema().equals(canonical)) {
        return new RegisteredSchema(subject, e.getValue().id(), e.getKey(), schemaOf(canonical));
      }
    }
    throw SchemaRegistryException.notFound(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
  }

  /** Soft delete (all live versions) or, after it, hard delete. Answers the versions deleted. */
  public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    TreeMap<Integer, Version> all = subjects.get(subject);
    if (all == null || all.isEmpty()) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.SUBJECT_NOT_FOUND,
          "Subject '" + subject + "' not found.");
    }
    TreeMap<Integer, Version> live = live(subject);
    List<Integer> deleted = new ArrayList<>();
    if (!permanent) {
      if (live.isEmpty()) {
        throw SchemaRegistryException.notFound(SchemaRegistryException.SUBJECT_SOFT_DELETED,
            "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
      }
      live.forEach((n, v) -> {
        writeVersion(subject, n, v.id(), v.schema(), true);
        deleted.add(n);
      });
    } else {
      if (!live.isEmpty()) {
        throw SchemaRegistryException.notFound(SchemaRegistryException.SUBJECT_NOT_SOFT_DELETED,
            "Subject '" + subject + "' was not deleted first before being permanently deleted");
      }
      writeIdWatermark();
      for (Integer n : new ArrayList<>(all.keySet())) {
        tombstoneVersion(subject, n);
        deleted.add(n);
      }
      if (subjectCompatibility.containsKey(subject)) {
        writeConfig(subject, null);
      }
    }
    return deleted;
  }

  /** Deletes one version: soft, or hard after soft. -1 = latest live version. */
  public synchronized int deleteVersion(String subject, int version, boolean permanent) {
    TreeMap<Integer, Version> all = subjects.get(subject);
    if (all == null || all.isEmpty()) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.SUBJECT_NOT_FOUND,
          "Subject '" + subject + "' not found.");
    }
    int n = version == -1 ? liveOrFail(subject).lastKey() : version;
    Version v = all.get(n);
    if (v == null) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.VERSION_NOT_FOUND,
          "Version " + version + " not found.");
    }
    if (!permanent) {
      if (v.deleted()) {
        throw SchemaRegistryException.notFound(SchemaRegistryException.VERSION_SOFT_DELETED,
            "Subject '" + subject + "' Version " + n + " was soft deleted.Set permanent=true to delete permanently");
      }
      writeVersion(subject, n, v.id(), v.schema(), true);
    } else {
      if (!v.deleted()) {
        throw SchemaRegistryException.notFound(SchemaRegistryException.VERSION_NOT_SOFT_DELETED,
            "Subject '" + subject + "' Version " + n + " was not deleted first before being permanently deleted");
      }
      writeIdWatermark();
      tombstoneVersion(subject, n);
    }
    return n;
  }

  // ---------------------------------------------------------------- compatibility

  /** The effective level of the subject (its own, else the global one); subject null = global. */
  public synchronized String compatibility(String subject) {
    return subject == null ? globalCompatibility
        : subjectCompatibility.getOrDefault(subject, globalCompatibility);
  }

  /** The subject's own level; 40408 when it has none. */
  public synchronized String subjectCompatibility(String subject) {
    String level = subjectCompatibility.get(subject);
    if (level == null) {
      throw SchemaRegistryException.notFound(SchemaRegistryException.SUBJECT_CONFIG_NOT_FOUND,
          "Subject '" + subject + "' does not have subject-level compatibility configured");
    }
    return level;
  }

  /** Normalizes a level name; 42203 if unknown. */
  public static String level(String level) {
    String l = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(l)) {
      throw SchemaRegistryException.unprocessable(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
          "Invalid compatibility level. Valid values are none, backward, forward, full, "
              + "backward_transitive, forward_transitive, and full_transitive");
    }
    return l;
  }

  /** Sets the level of the subject, or the global one (subject null). */
  public synchronized String setCompatibility(String subject, String level) {
    String l = level(level);
    writeConfig(subject, l);
    return l;
  }

  /** Removes the subject's own level; answers the removed one (40408 if none). */
  public synchronized String deleteCompatibility(String subject) {
    String previous = subjectCompatibility(subject);
    writeConfig(subject, null);
    return previous;
  }

  /** Reasons why the schema is not compatible with the version (-1 latest) under the subject's level. */
  public synchronized List<String> testCompatibility(String subject, int version, String schemaText) {
    Schema schema = parse(schemaText);
    String level = compatibility(subject);
    TreeMap<Integer, Version> live = liveOrFail(subject);
    List<Schema> against = new ArrayList<>();
    if (version == -1 && level.endsWith("_TRANSITIVE")) {
      live.descendingMap().values().forEach(v -> against.add(schemaOf(v.schema())));
    } else {
      against.add(version(subject, version).schema());
    }
    return check(level, schema, against);
  }

  /**
   * Checks the candidate against the existing schemas (newest first) under the level; answers the
   * incompatibilities, empty when compatible.
   */
  public static List<String> check(String level, Schema candidate, List<Schema> newestFirst) {
    List<String> problems = new ArrayList<>();
    if (newestFirst.isEmpty() || "NONE".equals(level)) {
      return problems;
    }
    boolean transitive = level.endsWith("_TRANSITIVE");
    boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
    boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
    List<Schema> against = transitive ? newestFirst : newestFirst.subList(0, 1);
    Set<String> seen = new java.util.LinkedHashSet<>();
    for (Schema old : against) {
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "new", "old", seen);
      }
      if (forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "old", "new", seen);
      }
    }
    problems.addAll(seen);
    return problems;
  }

  private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String reader,
      String writer, Set<String> out) {
    for (SchemaCompatibility.Incompatibility i : pair.getResult().getIncompatibilities()) {
      out.add("{errorType:'" + i.getType() + "', description:'The " + reader
          + " schema cannot read data written with the " + writer + " schema at path '"
          + i.getLocation() + "': " + i.getMessage() + "', additionalInfo:'" + i.getMessage() + "'}");
    }
  }

  /** A snapshot for diagnostics: subject → version → id. */
  public synchronized Map<String, Map<Integer, Integer>> snapshot() {
    Map<String, Map<Integer, Integer>> result = new LinkedHashMap<>();
    subjects.forEach((s, vs) -> {
      Map<Integer, Integer> m = new LinkedHashMap<>();
      vs.forEach((n, v) -> m.put(n, v.id()));
      result.put(s, m);
    });
    return result;
  }
}
