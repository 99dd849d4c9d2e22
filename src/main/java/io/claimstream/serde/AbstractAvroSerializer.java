package io.claimstream.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records in Confluent's wire format under the TopicNameStrategy subject
 * ({@code <topic>-key} / {@code <topic>-value}). Thread-safe; writers and ids are cached.
 */
abstract class AbstractAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

  /** How records of one schema are written under one subject. */
  private record Target(int id, Schema writerSchema, boolean convert) {}

  private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();

  private SchemaRegistryClient client;
  private AvroSerdeConfig config = new AvroSerdeConfig(true, false, false);
  private boolean isKey;
  private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

  AbstractAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.config = AvroSerdeConfig.of(configs);
    if (client == null || configs.containsKey(SchemaRegistryClients.SCHEMA_REGISTRY_URL)) {
      this.client = SchemaRegistryClients.forConfig(configs);
    }
    targets.clear();
  }

  /** The registry client in use (after configure). */
  public SchemaRegistryClient client() {
    return client;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException("Avro serializer used before configure(): set "
          + SchemaRegistryClients.SCHEMA_REGISTRY_URL);
    }
    Schema schema = data.getSchema();
    String subject = AvroSerdeConfig.subject(topic, isKey);
    Target target = targets.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(schema, s -> target(subject, s));
    Object datum = target.convert() ? convert(data, schema, target.writerSchema()) : data;
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    int id = target.id();
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODER.get());
      ENCODER.set(encoder);
      writer(target.writerSchema(), datum).write(datum, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + schema.getFullName() + " for topic '" + topic
          + "' as Avro (schema id " + id + "): " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private Target target(String subject, Schema schema) {
    try {
      if (config.useLatestVersion()) {
        RegisteredSchema latest = client.getLatest(subject);
        if (latest.schema().equals(schema)) {
          return new Target(latest.id(), schema, false);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
            SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
          throw new SerializationException("use.latest.version=true: the latest schema of subject '"
              + subject + "' (id " + latest.id() + ", version " + latest.version()
              + ") cannot represent records of " + schema.getFullName() + ": "
              + compatibility.getResult().getIncompatibilities());
        }
        return new Target(latest.id(), latest.schema(), true);
      }
      if (config.autoRegister()) {
        return new Target(client.register(subject, schema), schema, false);
      }
      return new Target(client.getId(subject, schema), schema, false);
    } catch (SchemaRegistryException e) {
      String what = config.useLatestVersion() ? "Cannot get the latest schema of subject '" + subject + "'"
          : config.autoRegister() ? "Cannot register schema " + schema.getFullName() + " under subject '"
              + subject + "'"
          : "Schema " + schema.getFullName() + " is not registered under subject '" + subject
              + "' and auto.register.schemas=false";
      throw new SerializationException(what + ": " + e.getMessage(), e);
    }
  }

  /** Rewrites the record into the writer schema (use.latest.version with a different schema). */
  private Object convert(T data, Schema own, Schema writer) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, null);
      writer(own, data).write(data, encoder);
      encoder.flush();
      return new GenericDatumReader<>(own, writer)
          .read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot convert " + own.getFullName()
          + " to the latest registered schema: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<Object> writer(Schema schema, Object datum) {
    if (datum instanceof SpecificRecord) {
      return specificWriters.computeIfAbsent(schema, s -> (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(s));
    }
    return genericWriters.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s));
  }
}
