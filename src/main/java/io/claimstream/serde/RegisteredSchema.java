package io.claimstream.serde;

import org.apache.avro.Schema;

/** One version of a subject: its global id, its version number within the subject, the schema. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
