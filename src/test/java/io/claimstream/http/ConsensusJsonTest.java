package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Consensus;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.Evidence;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.model.Bound;
import io.claimstream.model.Modality;
import io.claimstream.stream.AvroMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConsensusJsonTest {
    private static final String KEY = "acme>widget:deal_value";
    private final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults());

    private static Evidence claim(String source, double value, Bound bound, Modality modality, long t) {
        return new Evidence(source, source + "-article", "https://" + source + "/a", value, null, bound, modality, false,
                "Acme will pay " + value + " <b>now</b>", 0, 20, t, false);
    }

    private static KeyHistory history(Evidence... claims) {
        return KeyHistory.of(List.of(claims));
    }

    private Consensus consensus(KeyHistory history) {
        return AvroMapping.toConsensus(KEY, "USD", engine.current(history), null, history.size(),
                history.latestEventTime());
    }

    private Consensus consensus(Evidence... claims) {
        return consensus(history(claims));
    }

    @Test
    void summaryHasFigureRangeAndSourceCountButNoClaims() {
        ObjectNode s = ConsensusJson.summary(consensus(
                claim("a.example", 2e9, Bound.AT_LEAST, Modality.REPORTED, 1_000)));
        assertThat(s.path("key").asText()).isEqualTo(KEY);
        assertThat(s.path("subject").asText()).isEqualTo("acme");
        assertThat(s.path("counterparty").asText()).isEqualTo("widget");
        assertThat(s.path("figure").path("bound").asText()).isEqualTo("at_least");
        assertThat(s.path("low").asDouble()).isCloseTo(2e9, within(1.0));
        assertThat(s.path("high").isNull()).as("an unbounded end is null").isTrue();
        assertThat(s.path("sources").asInt()).isEqualTo(1);
        assertThat(s.has("claims")).isFalse();
        assertThat(s.path("event_time").asText()).isEqualTo("1970-01-01T00:00:01Z");
    }

    @Test
    void copiesOfOneStoryAreOneSourceAndSayWhoseCopyTheyAre() {
        long story = 0x0123456789ABCDEFL;
        KeyHistory h = history(
                claim("a.example", 2e9, Bound.EXACT, Modality.REPORTED, 1_000).with(0, story),
                claim("b.example", 2e9, Bound.EXACT, Modality.REPORTED, 2_000).with(0, story ^ 1),
                claim("c.example", 3e9, Bound.EXACT, Modality.REPORTED, 3_000));
        Consensus c = consensus(h);
        assertThat(ConsensusJson.summary(c).path("sources").asInt()).isEqualTo(2);
        JsonNode d = ConsensusJson.detail(c, h, engine);
        assertThat(d.path("claims")).hasSize(3);
        for (JsonNode claim : d.path("claims")) {
            boolean copy = claim.path("source").asText().equals("b.example");
            assertThat(claim.path("copy_of").asText(null)).isEqualTo(copy ? "a.example" : null);
            if (copy) assertThat(claim.path("weight").asDouble()).isZero();
        }
    }

    @Test
    void detailSaysWhichClaimsAgreeAndKeepsTheirSentencesAsData() {
        KeyHistory h = history(
                claim("a.example", 2e9, Bound.EXACT, Modality.REPORTED, 1_000),
                claim("b.example", 2e9, Bound.APPROX, Modality.REPORTED, 2_000),
                claim("c.example", 9e9, Bound.EXACT, Modality.SPECULATIVE, 3_000));
        JsonNode d = ConsensusJson.detail(consensus(h), h, engine);
        assertThat(d.path("figure").path("value").asDouble()).isCloseTo(2e9, within(1.0));
        assertThat(d.path("claims")).hasSize(3);
        for (JsonNode c : d.path("claims")) {
            boolean outlier = c.path("source").asText().equals("c.example");
            assertThat(c.path("agrees").asBoolean()).as(c.path("source").asText()).isEqualTo(!outlier);
            assertThat(c.path("evidence").asText()).endsWith("<b>now</b>");
        }
        JsonNode approx = find(d.path("claims"), "b.example");
        assertThat(approx.path("low").asDouble()).isCloseTo(1.9e9, within(1.0));
        assertThat(approx.path("high").asDouble()).isCloseTo(2.1e9, within(1.0));
    }

    @Test
    void historyIsTheEnginesTimelineWithEveryClaim() {
        KeyHistory claims = history(
                claim("a.example", 2e9, Bound.APPROX, Modality.REPORTED, 1_000),
                claim("b.example", 2.05e9, Bound.EXACT, Modality.REPORTED, 2_000));
        JsonNode h = ConsensusJson.history(consensus(claims), claims, engine);
        JsonNode timeline = h.path("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).path("before").isNull()).isTrue();
        assertThat(timeline.get(0).path("after").path("bound").asText()).isEqualTo("approx");
        assertThat(timeline.get(1).path("after").path("value").asDouble()).isCloseTo(2.05e9, within(1.0));
        assertThat(timeline.get(1).path("trigger").path("source").asText()).isEqualTo("b.example");
        assertThat(timeline.get(1).path("claims")).hasSize(2);
        assertThat(h.path("claims")).hasSize(2);
        assertThat(h.path("current").path("claims")).hasSize(2);
    }

    private static JsonNode find(JsonNode claims, String source) {
        for (JsonNode c : claims) if (c.path("source").asText().equals(source)) return c;
        throw new AssertionError("no claim from " + source);
    }
}
