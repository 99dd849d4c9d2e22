package io.claimstream.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.consensus.Change;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.Evidence;
import io.claimstream.json.RecordJson;
import io.claimstream.consensus.Figure;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.consensus.WeightedEvidence;

import java.time.Instant;
import java.util.List;

/**
 * The JSON the API and the change stream speak. Field names are snake_case like the Avro schemas', so a reader
 * of one knows the other; instants are ISO-8601 strings; an unbounded end of an interval is null.
 */
final class ConsensusJson {
    static final ObjectMapper MAPPER = RecordJson.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConsensusJson() {}

    /** One key in the list: its figure, range and number of sources, without the claims. */
    static ObjectNode summary(Consensus c) {
        ObjectNode o = NODES.objectNode();
        RecordJson.key(o, c.getKey(), c.getSubject(), c.getCounterparty(), c.getAttribute(), c.getQualifier(), c.getUnit());
        o.set("figure", figure(c.getFigure()));
        o.put("low", c.getLow());
        o.put("high", c.getHigh());
        o.put("sources", c.getAgreeing() + c.getDisagreeing()); // copies of one story count once
        o.put("agreeing", c.getAgreeing());
        o.put("disagreeing", c.getDisagreeing());
        o.put("confidence", c.getConfidence());
        o.put("event_time", c.getEventTime().toString());
        return o;
    }

    /** One key in full: the summary plus each source's current claim, and whether it agrees with the figure. */
    static ObjectNode detail(Consensus c, KeyHistory history, ConsensusEngine engine) {
        ObjectNode o = summary(c);
        ArrayNode claims = o.putArray("claims");
        for (WeightedEvidence w : engine.current(history).claims()) {
            ObjectNode claim = claim(w.evidence(), engine);
            claim.put("weight", w.weight());
            claim.put("agrees", w.agrees());
            if (w.isCopy()) claim.put("copy_of", w.copyOf());
            claims.add(claim);
        }
        return o;
    }

    /**
     * The audit timeline, as {@code audit --json} prints it, plus every claim ever received with its interval:
     * what a chart of the figure over time needs.
     */
    static ObjectNode history(Consensus c, KeyHistory history, ConsensusEngine engine) {
        ObjectNode o = NODES.objectNode();
        o.put("key", c.getKey());
        o.put("unit", c.getUnit());
        ArrayNode timeline = o.putArray("timeline");
        for (Change change : engine.timeline(history)) {
            ObjectNode e = timeline.addObject();
            e.put("event_time", Instant.ofEpochMilli(change.eventTime()).toString());
            e.set("before", figure(change.before()));
            e.set("after", figure(change.after()));
            e.put("sources", change.sources());
            e.put("correction", change.correction());
            e.set("trigger", evidence(change.trigger()));
            ArrayNode behind = e.putArray("claims");
            for (WeightedEvidence w : engine.standingAt(history, change.eventTime()).claims()) {
                ObjectNode claim = claim(w.evidence(), engine);
                claim.put("weight", w.weight());
                claim.put("agrees", w.agrees());
                if (w.isCopy()) claim.put("copy_of", w.copyOf());
                behind.add(claim);
            }
        }
        ArrayNode claims = o.putArray("claims");
        for (Evidence e : history.claims()) {
            ObjectNode claim = claim(e, engine);
            claim.put("retracted", e.retracted());
            claims.add(claim);
        }
        o.set("current", detail(c, history, engine));
        return o;
    }

    static ObjectNode change(ConsensusChange c) {
        return RecordJson.change(c);
    }

    static ObjectNode alert(io.claimstream.avro.Alert a) {
        return RecordJson.alert(a);
    }

    static ObjectNode article(io.claimstream.avro.Article a) {
        ObjectNode o = NODES.objectNode();
        o.put("id", a.getId());
        o.put("source", a.getSource());
        o.put("title", a.getTitle());
        o.put("url", a.getUrl());
        o.put("published", a.getPublished() == null ? null : a.getPublished().toString());
        return o;
    }

    static ObjectNode list(List<ObjectNode> keys, List<String> unreachable) {
        ObjectNode o = NODES.objectNode();
        o.putArray("consensus").addAll(keys);
        ArrayNode missing = o.putArray("unreachable");
        unreachable.forEach(missing::add);
        return o;
    }

    static ObjectNode error(String message) {
        return NODES.objectNode().put("error", message);
    }

    private static ObjectNode claim(Evidence e, ConsensusEngine engine) {
        ObjectNode o = evidence(e);
        o.set("figure", e.retracted() ? null : figure(e.figure()));
        double tolerance = engine.config().approxTolerance();
        o.put("low", e.retracted() ? null : finite(e.low(tolerance)));
        o.put("high", e.retracted() ? null : finite(e.high(tolerance)));
        o.put("modality", e.modality().wire());
        o.put("derived", e.derived());
        return o;
    }

    private static ObjectNode evidence(Evidence e) {
        return RecordJson.evidence(e);
    }

    private static ObjectNode figure(Figure f) {
        return RecordJson.figure(f);
    }

    private static ObjectNode figure(io.claimstream.avro.Figure f) {
        return RecordJson.figure(f);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
