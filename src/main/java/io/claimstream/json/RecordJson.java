package io.claimstream.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Alert;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Trigger;
import io.claimstream.consensus.Evidence;
import io.claimstream.consensus.Figure;

import java.time.Instant;

/**
 * The one JSON form of claimstream's records, shared by the command line, the HTTP API and change stream, and the
 * alert sinks, so a reader of one knows the others. Field names are snake_case like the Avro schemas'; instants are
 * ISO-8601 strings; a figure is {@code {"value","value_high","bound"}}.
 */
public final class RecordJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode figure(Figure f) {
        return f == null ? null : figure(f.value(), f.valueHigh(), f.bound().wire());
    }

    public static ObjectNode figure(io.claimstream.avro.Figure f) {
        return f == null ? null : figure(f.getValue(), f.getValueHigh(), f.getBound().name());
    }

    private static ObjectNode figure(double value, Double valueHigh, String bound) {
        ObjectNode o = object();
        o.put("value", value);
        if (valueHigh == null) o.putNull("value_high");
        else o.put("value_high", valueHigh);
        o.put("bound", bound);
        return o;
    }

    /** The fields that name a claim key and its unit, first in every record about a key. */
    public static ObjectNode key(ObjectNode o, String key, String subject, String counterparty, String attribute,
                                 String qualifier, String unit) {
        o.put("key", key);
        o.put("subject", subject);
        o.put("counterparty", counterparty);
        o.put("attribute", attribute);
        o.put("qualifier", qualifier);
        o.put("unit", unit);
        return o;
    }

    /** The claim that moved a figure: its article, source, sentence and the sentence's offsets. */
    public static ObjectNode trigger(Trigger t) {
        ObjectNode o = object();
        o.put("article", t.getArticleId());
        o.put("source", t.getSource());
        o.put("url", t.getUrl());
        o.put("evidence", t.getEvidence());
        o.put("start", t.getStart());
        o.put("end", t.getEnd());
        return o;
    }

    public static ObjectNode change(ConsensusChange c) {
        ObjectNode o = object();
        key(o, c.getKey(), c.getSubject(), c.getCounterparty(), c.getAttribute(), c.getQualifier(), c.getUnit());
        o.set("before", figure(c.getBefore()));
        o.set("after", figure(c.getAfter()));
        o.put("sources", c.getSources());
        o.set("trigger", trigger(c.getTrigger()));
        o.put("event_time", c.getEventTime().toString());
        o.put("correction", c.getCorrection());
        return o;
    }

    public static ObjectNode alert(Alert a) {
        ObjectNode o = object();
        o.put("id", a.getId());
        o.put("message", a.getMessage());
        key(o, a.getKey(), a.getSubject(), a.getCounterparty(), a.getAttribute(), a.getQualifier(), a.getUnit());
        o.set("before", figure(a.getBefore()));
        o.set("after", figure(a.getAfter()));
        o.put("sources", a.getSources());
        o.set("trigger", trigger(a.getTrigger()));
        o.put("event_time", a.getEventTime().toString());
        o.put("correction", a.getCorrection());
        o.put("rule", a.getRule());
        return o;
    }

    /** A claim as consensus holds it: where it came from and the words that state it. */
    public static ObjectNode evidence(Evidence e) {
        ObjectNode o = object();
        o.put("article", e.articleId());
        o.put("source", e.source());
        o.put("url", e.url());
        o.put("evidence", e.evidence());
        o.put("start", e.start());
        o.put("end", e.end());
        o.put("event_time", Instant.ofEpochMilli(e.eventTime()).toString());
        return o;
    }
}
