package io.claimstream.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder that refuses lengths and item counts larger than what the rest of the payload
 * can hold, before anything is allocated. Plain Avro trusts them: a corrupt or hostile record
 * announcing a 2-billion-item array makes {@code GenericData.Array} allocate it and the stream
 * thread dies with OutOfMemoryError instead of the record going to the dead-letter queue.
 */
final class BoundedDecoder extends Decoder {

  private final BinaryDecoder in;
  /** Smallest encoded size of an item of any array of the writer schema; 0 = no array bound. */
  private final int minArrayItem;

  BoundedDecoder(BinaryDecoder in, int minArrayItem) {
    this.in = in;
    this.minArrayItem = minArrayItem;
  }

  BinaryDecoder binary() {
    return in;
  }

  private long remaining() throws IOException {
    return in.inputStream().available();
  }

  private int length(String what) throws IOException {
    long length = in.readLong();
    if (length < 0) {
      throw new AvroRuntimeException("Malformed data: negative " + what + " length " + length);
    }
    long remaining = remaining();
    if (length > remaining) {
      throw new java.io.EOFException(what + " of " + length
          + " bytes announced but only " + remaining + " byte(s) left in the payload");
    }
    return (int) length;
  }

  private long items(long count, int minItem, String what) throws IOException {
    if (minItem > 0 && count > 0) {
      long remaining = remaining();
      if (count > remaining / minItem) {
        throw new java.io.EOFException(what + " of " + count
            + " items announced but only " + remaining + " byte(s) left in the payload");
      }
    }
    return count;
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    if (length > 0) {
      in.readFixed(result.getBytes(), 0, length);
    }
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer result;
    if (old != null && length <= old.capacity()) {
      result = old;
      result.clear();
    } else {
      result = ByteBuffer.allocate(length);
    }
    in.readFixed(result.array(), result.position(), length);
    result.limit(length);
    return result;
  }

  @Override
  public long readArrayStart() throws IOException {
    return items(in.readArrayStart(), minArrayItem, "array block");
  }

  @Override
  public long arrayNext() throws IOException {
    return items(in.arrayNext(), minArrayItem, "array block");
  }

  @Override
  public long readMapStart() throws IOException {
    return items(in.readMapStart(), 1, "map block");
  }

  @Override
  public long mapNext() throws IOException {
    return items(in.mapNext(), 1, "map block");
  }

  // ------------------------------------------------------------- plain delegation

  @Override public void readNull() throws IOException { in.readNull(); }
  @Override public boolean readBoolean() throws IOException { return in.readBoolean(); }
  @Override public int readInt() throws IOException { return in.readInt(); }
  @Override public long readLong() throws IOException { return in.readLong(); }
  @Override public float readFloat() throws IOException { return in.readFloat(); }
  @Override public double readDouble() throws IOException { return in.readDouble(); }
  @Override public void skipString() throws IOException { in.skipString(); }
  @Override public void skipBytes() throws IOException { in.skipBytes(); }
  @Override public void readFixed(byte[] bytes, int start, int length) throws IOException { in.readFixed(bytes, start, length); }
  @Override public void skipFixed(int length) throws IOException { in.skipFixed(length); }
  @Override public int readEnum() throws IOException { return in.readEnum(); }
  @Override public long skipArray() throws IOException { return in.skipArray(); }
  @Override public long skipMap() throws IOException { return in.skipMap(); }
  @Override public int readIndex() throws IOException { return in.readIndex(); }

  // ------------------------------------------------------------- schema sizes

  /** The smallest encoded size of an item over every array in the schema (0 if one can be empty). */
  static int minArrayItem(Schema schema) {
    int[] min = {Integer.MAX_VALUE};
    walkArrays(schema, new IdentityHashMap<>(), min);
    return min[0] == Integer.MAX_VALUE ? 1 : min[0];
  }

  private static void walkArrays(Schema s, Map<Schema, Boolean> seen, int[] min) {
    if (seen.put(s, Boolean.TRUE) != null) {
      return;
    }
    switch (s.getType()) {
      case RECORD -> s.getFields().forEach(f -> walkArrays(f.schema(), seen, min));
      case UNION -> s.getTypes().forEach(t -> walkArrays(t, seen, min));
      case MAP -> walkArrays(s.getValueType(), seen, min);
      case ARRAY -> {
        min[0] = Math.min(min[0], minSize(s.getElementType(), new IdentityHashMap<>()));
        walkArrays(s.getElementType(), seen, min);
      }
      default -> { }
    }
  }

  /** Smallest number of bytes a value of the schema takes in binary encoding. */
  static int minSize(Schema s, Map<Schema, Boolean> inProgress) {
    return switch (s.getType()) {
      case NULL -> 0;
      case BOOLEAN, INT, LONG, ENUM, STRING, BYTES, ARRAY, MAP, UNION -> 1;
      case FLOAT -> 4;
      case DOUBLE -> 8;
      case FIXED -> s.getFixedSize();
      case RECORD -> {
        if (inProgress.put(s, Boolean.TRUE) != null) {
          yield 1; // recursive: at least the union/array byte that led back here
        }
        int sum = 0;
        for (Schema.Field f : s.getFields()) {
          sum += minSize(f.schema(), inProgress);
        }
        inProgress.remove(s);
        yield sum;
      }
    };
  }
}
