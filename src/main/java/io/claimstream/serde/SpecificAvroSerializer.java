package io.claimstream.serde;

import org.apache.avro.specific.SpecificRecord;

/** Serializer of generated Avro classes in Confluent's wire format. */
public class SpecificAvroSerializer<T extends SpecificRecord> extends AbstractAvroSerializer<T> {

  public SpecificAvroSerializer() {
    super(null);
  }

  /** Uses this client (a {@code schema.registry.url} given to configure replaces it). */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    super(client);
  }
}
