package io.claimstream.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format: looks the writer schema up by id and resolves it to the reader
 * schema. Null in, null out. Every malformed payload raises SerializationException naming what is
 * wrong. Thread-safe; readers are cached per schema id.
 */
abstract class AbstractAvroDeserializer<T> implements Deserializer<T> {

  private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

  private SchemaRegistryClient client;
  private boolean isKey;
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> minArrayItems = new ConcurrentHashMap<>();

  AbstractAvroDeserializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (client == null || configs.containsKey(SchemaRegistryClients.SCHEMA_REGISTRY_URL)) {
      this.client = SchemaRegistryClients.forConfig(configs);
    }
    readers.clear();
    minArrayItems.clear();
  }

  public SchemaRegistryClient client() {
    return client;
  }

  /** A reader from the writer schema of a given id to the reader schema of this deserializer. */
  protected abstract DatumReader<T> newReader(int id, Schema writer, String topic);

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException("Avro deserializer used before configure(): set "
          + SchemaRegistryClients.SCHEMA_REGISTRY_URL);
    }
    int id = WireFormat.schemaId(data, topic, isKey ? "key" : "value");
    DatumReader<T> reader = readers.get(id);
    if (reader == null) {
      Schema writer;
      try {
        writer = client.getById(id);
      } catch (SchemaRegistryException e) {
        throw new SerializationException("Cannot deserialize " + (isKey ? "key" : "value") + " from topic '"
            + topic + "': schema id " + id + " from the record header "
            + (e.status() == 404 ? "is unknown to" : "could not be fetched from") + " the schema registry ("
            + e.getMessage() + ")", e);
      }
      reader = newReader(id, writer, topic);
      minArrayItems.putIfAbsent(id, BoundedDecoder.minArrayItem(writer));
      readers.putIfAbsent(id, reader);
    }
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, DECODER.get());
    DECODER.set(decoder);
    T result;
    try {
      result = reader.read(null, new BoundedDecoder(decoder, minArrayItems.getOrDefault(id, 1)));
    } catch (EOFException e) {
      throw new SerializationException("Cannot deserialize " + (isKey ? "key" : "value") + " from topic '"
          + topic + "': Avro body truncated (" + (data.length - WireFormat.HEADER_SIZE)
          + " body byte(s) end before the record of schema id " + id + " is complete"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    } catch (AvroTypeException e) {
      throw new SerializationException("Cannot deserialize " + (isKey ? "key" : "value") + " from topic '"
          + topic + "': data of schema id " + id + " does not resolve to the reader schema: "
          + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot deserialize " + (isKey ? "key" : "value") + " from topic '"
          + topic + "': corrupt Avro body for schema id " + id + " (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + ")", e);
    }
    try {
      if (!decoder.isEnd()) {
        int rest = decoder.inputStream().available();
        throw new SerializationException("Cannot deserialize " + (isKey ? "key" : "value") + " from topic '"
            + topic + "': " + rest + " unexpected trailing byte(s) after the Avro body of schema id " + id);
      }
    } catch (IOException e) {
      throw new SerializationException("Cannot check the end of the Avro body: " + e.getMessage(), e);
    }
    return result;
  }
}
