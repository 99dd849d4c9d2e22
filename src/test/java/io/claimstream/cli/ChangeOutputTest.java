package io.claimstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.avro.Bound;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.avro.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeOutputTest {
    private static ConsensusChange change(Figure before, Figure after) {
        return ConsensusChange.newBuilder()
                .setKey("acme>widget:investment_amount").setSubject("acme").setCounterparty("widget")
                .setAttribute("investment_amount").setQualifier(null).setUnit("USD")
                .setBefore(before).setAfter(after).setSources(3)
                .setTrigger(Trigger.newBuilder().setArticleId("a-7").setSource("wire.example").setUrl(null)
                        .setEvidence("Acme will invest $2.1 billion in Widget.").setStart(10).setEnd(51).build())
                .setEventTime(Instant.parse("2025-06-12T08:00:00Z"))
                .build();
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        String line = ChangeOutput.json(change(new Figure(2e9, null, Bound.approx), new Figure(2.1e9, null, Bound.exact)));
        JsonNode o = new ObjectMapper().readTree(line);
        assertThat(line).doesNotContain("\n");
        assertThat(o.get("key").asText()).isEqualTo("acme>widget:investment_amount");
        assertThat(o.get("qualifier").isNull()).isTrue();
        assertThat(o.get("before").get("bound").asText()).isEqualTo("approx");
        assertThat(o.get("after").get("value").asDouble()).isEqualTo(2.1e9);
        assertThat(o.get("after").get("value_high").isNull()).isTrue();
        assertThat(o.get("sources").asInt()).isEqualTo(3);
        assertThat(o.get("trigger").get("article").asText()).isEqualTo("a-7");
        assertThat(o.get("trigger").get("source").asText()).isEqualTo("wire.example");
        assertThat(o.get("trigger").get("evidence").asText()).startsWith("Acme will invest");
        assertThat(o.get("event_time").asText()).isEqualTo("2025-06-12T08:00:00Z");
    }

    @Test
    void firstFigureHasANullBefore() throws Exception {
        JsonNode o = new ObjectMapper().readTree(ChangeOutput.json(change(null, new Figure(2e9, null, Bound.exact))));
        assertThat(o.get("before").isNull()).isTrue();
    }

    @Test
    void textReadsLikeASentence() {
        String text = ChangeOutput.text(change(new Figure(15e9, null, Bound.approx), new Figure(14.3e9, null, Bound.exact)));
        assertThat(text).contains("about $15B → $14.3B").contains("(3 sources)").contains("wire.example (a-7)")
                .contains("\"Acme will invest $2.1 billion in Widget.\"");
    }

    @Test
    void amountsUseScaleLettersAndPercent() {
        assertThat(ChangeOutput.amount(870e6, "USD")).isEqualTo("$870M");
        assertThat(ChangeOutput.amount(49, "percent")).isEqualTo("49%");
        assertThat(ChangeOutput.amount(2.5e9, "EUR")).isEqualTo("€2.5B");
        assertThat(ChangeOutput.amount(4e10, "INR")).isEqualTo("INR 40B");
        assertThat(ChangeOutput.describe(new Figure(10e9, 15e9, Bound.range), "USD")).isEqualTo("$10B–$15B");
    }
}
