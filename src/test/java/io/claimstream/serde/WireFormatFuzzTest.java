package io.claimstream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.claimstream.avro.Claim;
import io.claimstream.avro.Consensus;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.errors.SerializationException;

/** Whatever bytes come in, the deserializer answers a record or a SerializationException. */
class WireFormatFuzzTest {

  private static final String URL = "mock://fuzz";

  private static SpecificAvroSerde<Consensus> serde() {
    SpecificAvroSerde<Consensus> serde = new SpecificAvroSerde<>(Consensus.class);
    serde.configure(Map.of("schema.registry.url", URL), false);
    return serde;
  }

  @Property(tries = 1000)
  void randomBodiesBehindAValidHeader(@ForAll @Size(max = 300) byte[] body) {
    SpecificAvroSerde<Consensus> serde = serde();
    byte[] valid = serde.serializer().serialize("fuzz", Samples.consensus());
    byte[] bytes = new byte[5 + body.length];
    System.arraycopy(valid, 0, bytes, 0, 5);
    System.arraycopy(body, 0, bytes, 5, body.length);
    decodeOrSerializationException(serde, bytes);
  }

  @Property(tries = 1000)
  void mutatedRecords(@ForAll int position, @ForAll byte value, @ForAll int cut) {
    SpecificAvroSerde<Consensus> serde = serde();
    byte[] bytes = serde.serializer().serialize("fuzz", Samples.consensus());
    int at = 5 + Math.floorMod(position, bytes.length - 5);
    bytes[at] = value;
    byte[] shorter = java.util.Arrays.copyOf(bytes, 5 + Math.floorMod(cut, bytes.length - 4));
    decodeOrSerializationException(serde, bytes);
    decodeOrSerializationException(serde, shorter);
  }

  @Property(tries = 300)
  void claimsRoundTrip(@ForAll String subject, @ForAll double value, @ForAll int start, @ForAll String evidence) {
    SpecificAvroSerde<Claim> serde = new SpecificAvroSerde<>(Claim.class);
    serde.configure(Map.of("schema.registry.url", URL), false);
    Claim claim = Claim.newBuilder(Samples.claim()).setSubject(subject).setValue(value).setStart(start)
        .setEvidence(evidence).build();
    assertThat(serde.deserializer().deserialize("fuzz-claims", serde.serializer().serialize("fuzz-claims", claim)))
        .isEqualTo(claim);
  }

  private static void decodeOrSerializationException(SpecificAvroSerde<Consensus> serde, byte[] bytes) {
    try {
      serde.deserializer().deserialize("fuzz", bytes);
    } catch (SerializationException e) {
      assertThat(e.getMessage()).contains("fuzz");
    }
  }
}
