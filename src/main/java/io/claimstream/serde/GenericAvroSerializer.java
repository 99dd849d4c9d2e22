package io.claimstream.serde;

import org.apache.avro.generic.GenericRecord;

/** Serializer of GenericRecords in Confluent's wire format. */
public class GenericAvroSerializer extends AbstractAvroSerializer<GenericRecord> {
  public GenericAvroSerializer() {
    super(null);
  }

  public GenericAvroSerializer(SchemaRegistryClient client) {
    super(client);
  }
}
