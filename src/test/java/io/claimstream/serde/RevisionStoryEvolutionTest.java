package io.claimstream.serde;

import io.claimstream.avro.Claim;
import io.claimstream.avro.SourceClaim;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims and source claims written before revision and story existed read as revision 0, no story (BACKWARD). */
class RevisionStoryEvolutionTest {

    /** {@code schema} without the revision and story fields: the schema before them. */
    static Schema before(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            if (!f.name().equals("revision") && !f.name().equals("story")) fields.add(new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    @Test
    void bothSchemasReadTheirOldRecords() {
        for (Schema s : List.of(Claim.getClassSchema(), SourceClaim.getClassSchema())) {
            assertThat(s.getField("revision")).as(s.getName()).isNotNull();
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(s, before(s)).getType())
                    .as(s.getName()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void anOldClaimReadsAsRevisionZeroWithNoStory() throws Exception {
        Schema old = before(Claim.getClassSchema());
        Claim now = Claim.newBuilder().setArticleId("a").setSource("s").setSubject("acme").setAttribute("deal_value")
                .setValue(2e9).setUnit("USD").setBound(io.claimstream.avro.Bound.exact)
                .setModality(io.claimstream.avro.Modality.reported).setEvidence("e").setStart(0).setEnd(1)
                .setEventTime(java.time.Instant.ofEpochMilli(5)).setExtractorVersion("x")
                .setRevision(9).setStory(7).build();
        GenericRecord written = new GenericData.Record(old);
        for (Schema.Field f : old.getFields()) written.put(f.name(), GenericData.get().deepCopy(f.schema(),
                toGeneric(now, f.name())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(old, GenericData.get()).write(written, enc);
        enc.flush();
        Claim read = new SpecificDatumReader<Claim>(old, Claim.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        assertThat(read.getRevision()).isZero();
        assertThat(read.getStory()).isZero();
        assertThat(read.getValue()).isEqualTo(2e9);
        assertThat(read.getEventTime().toEpochMilli()).isEqualTo(5);
    }

    /** The field as generic data: enums as symbols, timestamps as longs. */
    private static Object toGeneric(Claim c, String field) {
        Object v = c.get(field);
        if (v instanceof Enum<?> e) return new GenericData.EnumSymbol(c.getSchema().getField(field).schema(), e.name());
        if (v instanceof java.time.Instant i) return i.toEpochMilli();
        return v;
    }
}
