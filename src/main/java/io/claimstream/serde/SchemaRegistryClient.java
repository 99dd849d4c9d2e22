package io.claimstream.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of Confluent's Schema Registry protocol the serdes and the tests use. Implementations:
 * {@link RestSchemaRegistryClient} (HTTP, any Confluent-compatible registry) and
 * {@link MockSchemaRegistry} (in memory, URLs {@code mock://scope}). Failures raise
 * {@link SchemaRegistryException} carrying the registry's error_code.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (idempotent) and answers its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema getById(int id);

  /** The newest live version of the subject. */
  RegisteredSchema getLatest(String subject);

  /** A given version of the subject. */
  RegisteredSchema getVersion(String subject, int version);

  /** The id of the schema under the subject, without registering it (POST /subjects/{s}). */
  int getId(String subject, Schema schema);

  /** Full look-up of the schema under the subject: id and version. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The subjects with at least one live version. */
  List<String> subjects();

  /** The live version numbers of the subject. */
  List<Integer> versions(String subject);

  /** Deletes a subject: soft first, then (permanent=true) hard. Answers the versions deleted. */
  List<Integer> deleteSubject(String subject, boolean permanent);

  /** Deletes one version (soft, or hard after soft). Answers the version deleted. */
  int deleteVersion(String subject, int version, boolean permanent);

  /** The compatibility level of the subject, or the global one when subject is null. */
  String getCompatibility(String subject);

  /** Sets the compatibility level of the subject, or the global one when subject is null. */
  void setCompatibility(String subject, String level);

  /**
   * Whether the schema is compatible with the latest version of the subject under its level;
   * empty list = compatible, otherwise the reasons.
   */
  List<String> testCompatibility(String subject, Schema schema);
}
