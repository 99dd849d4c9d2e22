package io.claimstream.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/** Deserializer into GenericRecords of the writer schema (or of a given reader schema). */
public class GenericAvroDeserializer extends AbstractAvroDeserializer<GenericRecord> {

  private final Schema readerSchema;

  public GenericAvroDeserializer() {
    this(null, null);
  }

  public GenericAvroDeserializer(Schema readerSchema, SchemaRegistryClient client) {
    super(client);
    this.readerSchema = readerSchema;
  }

  @Override
  protected DatumReader<GenericRecord> newReader(int id, Schema writer, String topic) {
    return new GenericDatumReader<>(writer, readerSchema == null ? writer : readerSchema);
  }
}
