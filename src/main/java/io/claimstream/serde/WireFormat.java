package io.claimstream.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's framing: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /**
   * The schema id in the header; raises SerializationException saying what is wrong with the
   * frame (too short, wrong magic byte).
   */
  public static int schemaId(byte[] data, String topic) {
    return schemaId(data, topic, "record");
  }

  /** As {@link #schemaId(byte[], String)}; {@code what} is "key", "value" or "record". */
  public static int schemaId(byte[] data, String topic, String what) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException(
          "Cannot deserialize " + what + " from topic '" + topic + "': payload is " + data.length
              + " byte(s), too short for the Confluent Avro wire format (needs a 5-byte header: "
              + "magic byte 0 + 4-byte schema id, then the Avro body)");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "Cannot deserialize " + what + " from topic '" + topic + "': unknown magic byte "
              + String.format("0x%02x", data[0] & 0xff)
              + " (expected 0x00 of the Confluent Avro wire format; was it written by this serde?)");
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
