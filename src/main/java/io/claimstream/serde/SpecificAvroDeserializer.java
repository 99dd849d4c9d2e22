package io.claimstream.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Deserializer into generated Avro classes: the writer schema (by id) is resolved to the reader
 * schema, the class's {@code SCHEMA$}, so newer writers (e.g. an extra optional field) still read.
 * Without a class, the class named by the writer schema is used.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> extends AbstractAvroDeserializer<T> {

  private final Class<T> type;

  public SpecificAvroDeserializer() {
    this(null, null);
  }

  public SpecificAvroDeserializer(Class<T> type) {
    this(type, null);
  }

  public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
    super(client);
    this.type = type;
  }

  @Override
  protected DatumReader<T> newReader(int id, Schema writer, String topic) {
    Schema reader;
    if (type != null) {
      reader = SpecificData.get().getSchema(type);
    } else {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
        throw new SerializationException("Cannot deserialize from topic '" + topic + "': no generated class "
            + writer.getFullName() + " (schema id " + id + ") on the classpath for specific.avro.reader");
      }
      reader = SpecificData.get().getSchema(generated);
    }
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException("Cannot deserialize from topic '" + topic + "': writer schema id " + id
          + " (" + writer.getFullName() + ") cannot be read as " + reader.getFullName() + ": "
          + compatibility.getResult().getIncompatibilities());
    }
    return new SpecificDatumReader<>(writer, reader);
  }
}
