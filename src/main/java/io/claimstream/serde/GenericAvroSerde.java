package io.claimstream.serde;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde of GenericRecords in Confluent's wire format. */
public class GenericAvroSerde implements Serde<GenericRecord> {
  private final GenericAvroSerializer serializer;
  private final GenericAvroDeserializer deserializer;

  public GenericAvroSerde() {
    this(null);
  }

  public GenericAvroSerde(SchemaRegistryClient client) {
    serializer = new GenericAvroSerializer(client);
    deserializer = new GenericAvroDeserializer(null, client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return deserializer;
  }
}
