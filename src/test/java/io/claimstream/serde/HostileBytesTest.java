package io.claimstream.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lengths and counts that claim far more data than the payload holds must fail fast, not allocate. */
class HostileBytesTest {

  private static final String URL = "mock://hostile";

  @Test
  @Timeout(5)
  void hugeStringLength() throws Exception {
    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class);
    serde.configure(Map.of("schema.registry.url", URL), false);
    byte[] valid = serde.serializer().serialize("hostile", Samples.article());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, 5);
    BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
    e.writeLong(Integer.MAX_VALUE - 16); // id: string length
    e.flush();
    out.write(new byte[] {'a', 'b'});
    assertThatThrownBy(() -> serde.deserializer().deserialize("hostile", out.toByteArray()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hostile");
  }

  @Test
  @Timeout(5)
  void hugeArrayCount() throws Exception {
    SpecificAvroSerde<Consensus> serde = new SpecificAvroSerde<>(Consensus.class);
    serde.configure(Map.of("schema.registry.url", URL), false);
    byte[] valid = serde.serializer().serialize("hostile-c", Samples.consensus());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, 5);
    BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
    e.writeString("k");
    e.writeString("s");
    e.writeIndex(0); // counterparty null
    e.writeString("a");
    e.writeIndex(0); // qualifier null
    e.writeString("USD");
    e.writeIndex(0); // figure null
    e.writeIndex(0); // low null
    e.writeIndex(0); // high null
    e.writeInt(1);
    e.writeInt(0);
    e.writeDouble(0.5);
    e.writeLong(Integer.MAX_VALUE - 16); // claims: block count
    e.flush();
    out.write(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> serde.deserializer().deserialize("hostile-c", out.toByteArray()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hostile-c");
  }
}
