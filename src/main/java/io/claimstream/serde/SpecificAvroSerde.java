package io.claimstream.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of generated Avro classes in Confluent's wire format, configured with Confluent's property
 * names ({@code schema.registry.url}, {@code auto.register.schemas}, {@code use.latest.version},
 * {@code basic.auth.*}). In tests: {@code new SpecificAvroSerde<>(Article.class)} then
 * {@code configure(Map.of("schema.registry.url", "mock://x"), false)}.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;

  /** Reads into the class named by the writer schema. */
  public SpecificAvroSerde() {
    this(null, null);
  }

  public SpecificAvroSerde(Class<T> type) {
    this(type, null);
  }

  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
    this.serializer = new SpecificAvroSerializer<>(client);
    this.deserializer = new SpecificAvroDeserializer<>(type, client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
