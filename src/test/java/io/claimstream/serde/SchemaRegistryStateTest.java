package io.claimstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistryStateTest {

  private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
      + "{\"name\":\"c\",\"type\":\"string\",\"default\":\"x\"}]}";
  /** Reads V2 data, not V1 data (c has no default). */
  private static final String V3 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
      + "{\"name\":\"c\",\"type\":\"string\"}]}";

  private final List<Map.Entry<String, String>> journal = new ArrayList<>();
  private final SchemaRegistryState state =
      new SchemaRegistryState((k, v) -> journal.add(new AbstractMap.SimpleEntry<>(k, v)));

  private static int code(Runnable r) {
    try {
      r.run();
    } catch (SchemaRegistryException e) {
      return e.errorCode();
    }
    return 0;
  }

  @Test
  void backwardChecksTheLatestOnlyTransitiveChecksAll() {
    state.register("plain", V1);
    state.register("plain", V2);
    assertThat(state.register("plain", V3)).isPositive();

    state.setCompatibility("strict", "BACKWARD_TRANSITIVE");
    state.register("strict", V1);
    state.register("strict", V2);
    assertThat(code(() -> state.register("strict", V3))).isEqualTo(409);
    assertThat(state.versions("strict")).containsExactly(1, 2);
  }

  @Test
  void fullNeedsBothDirections() {
    state.setCompatibility(null, "FULL");
    state.register("s", V1);
    // V3 adds c without default: V1 reads V3 data (forward) but V3 cannot read V1 data (backward)
    assertThat(code(() -> state.register("s", V3))).isEqualTo(409);
    assertThat(state.register("s", V2)).isPositive(); // added with default: both ways
    // V1 -> V3 directly was refused; after V2, FULL (not transitive) compares with V2 only
    state.setCompatibility("s", "FULL_TRANSITIVE");
    assertThat(code(() -> state.register("s", V3))).isEqualTo(409);
    state.setCompatibility("s", "NONE");
    assertThat(state.register("s", V3)).isPositive();
    assertThat(state.compatibility("other")).isEqualTo("FULL");
    assertThat(state.deleteCompatibility("s")).isEqualTo("NONE");
    assertThat(state.compatibility("s")).isEqualTo("FULL");
  }

  @Test
  void replayingTheJournalRebuildsTheSameState() {
    int id1 = state.register("a-value", V1);
    int id2 = state.register("a-value", V2);
    state.register("b-value", V1);
    state.setCompatibility("a-value", "NONE");
    state.setCompatibility(null, "FORWARD");
    state.register("gone-value", V3);
    state.deleteSubject("gone-value", false);
    state.deleteSubject("gone-value", true);
    state.register("soft-value", V3);
    state.deleteSubject("soft-value", false);

    List<String> writes = new ArrayList<>();
    SchemaRegistryState replayed = new SchemaRegistryState((k, v) -> writes.add(k));
    journal.forEach(e -> replayed.apply(e.getKey(), e.getValue()));
    assertThat(writes).isEmpty();
    assertThat(replayed.snapshot()).isEqualTo(state.snapshot());
    assertThat(replayed.subjects()).containsExactly("a-value", "b-value");
    assertThat(replayed.version("a-value", -1).id()).isEqualTo(id2);
    assertThat(replayed.schemaById(id1)).isEqualTo(state.schemaById(id1));
    assertThat(replayed.compatibility("a-value")).isEqualTo("NONE");
    assertThat(replayed.compatibility(null)).isEqualTo("FORWARD");
    assertThat(code(() -> replayed.versions("soft-value"))).isEqualTo(40401);
    assertThat(code(() -> replayed.deleteSubject("soft-value", false))).isEqualTo(40404);
    // the next id continues after the highest one seen
    int next = replayed.register("new-value",
        "{\"type\":\"record\",\"name\":\"N\",\"fields\":[]}");
    assertThat(next).isGreaterThan(id2);
  }

  @Test
  void idsOfHardDeletedSchemasAreNotHandedOutAgainAfterCompaction() {
    state.register("a-value", V1);
    int top = state.register("b-value", V2);
    state.deleteSubject("b-value", false);
    state.deleteSubject("b-value", true);
    // what compaction leaves once tombstones expire: the newest record per key, no tombstones,
    // nothing for b-value's keys
    Map<String, String> compacted = new java.util.LinkedHashMap<>();
    journal.forEach(e -> {
      compacted.remove(e.getKey());
      compacted.put(e.getKey(), e.getValue());
    });
    compacted.values().removeIf(java.util.Objects::isNull);
    assertThat(compacted.keySet()).noneMatch(k -> k.contains("b-value"));
    SchemaRegistryState restarted = new SchemaRegistryState((k, v) -> { });
    compacted.forEach(restarted::apply);
    assertThat(restarted.register("c-value", V3)).isGreaterThan(top);
  }

  @Test
  void journalRecordsUseConfluentsLayout() {
    state.register("t-value", V1);
    assertThat(journal).hasSize(1);
    assertThat(journal.get(0).getKey())
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}");
    assertThat(journal.get(0).getValue()).startsWith("{\"subject\":\"t-value\",\"version\":1,\"id\":1,\"schema\":")
        .endsWith(",\"deleted\":false}");
    state.setCompatibility(null, "full");
    assertThat(journal.get(1).getKey()).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(journal.get(1).getValue()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
  }

  @Test
  void aFailedJournalWriteChangesNothing() {
    SchemaRegistryState failing = new SchemaRegistryState((k, v) -> { throw new IllegalStateException("disk on fire"); });
    assertThatThrownBy(() -> failing.register("x", V1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.errorCode()).isEqualTo(50002);
          assertThat(e.getMessage()).contains("disk on fire");
        });
    assertThat(failing.subjects()).isEmpty();
  }

  @Test
  void invalidInputs() {
    assertThat(code(() -> state.register("x", "{\"type\":\"recrod\"}"))).isEqualTo(42201);
    assertThat(code(() -> state.register("x", ""))).isEqualTo(42201);
    assertThat(code(() -> state.register("x",
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"no\"}]}")))
        .isEqualTo(42201);
    assertThat(code(() -> SchemaRegistryState.parseVersion("0"))).isEqualTo(42202);
    assertThat(code(() -> SchemaRegistryState.parseVersion("x"))).isEqualTo(42202);
    assertThat(SchemaRegistryState.parseVersion("latest")).isEqualTo(-1);
    assertThat(code(() -> state.setCompatibility(null, "SOMETIMES"))).isEqualTo(42203);
    assertThat(code(() -> state.subjectCompatibility("x"))).isEqualTo(40408);
  }

  @Test
  void versionDeletes() {
    state.register("v", V1);
    state.register("v", V2);
    assertThat(code(() -> state.deleteVersion("v", 1, true))).isEqualTo(40407);
    assertThat(state.deleteVersion("v", 1, false)).isEqualTo(1);
    assertThat(code(() -> state.deleteVersion("v", 1, false))).isEqualTo(40406);
    assertThat(state.versions("v")).containsExactly(2);
    assertThat(state.deleteVersion("v", 1, true)).isEqualTo(1);
    assertThat(code(() -> state.deleteVersion("v", 1, true))).isEqualTo(40402);
    assertThat(state.deleteVersion("v", -1, false)).isEqualTo(2);
    assertThat(code(() -> state.version("v", -1))).isEqualTo(40401);
  }
}
