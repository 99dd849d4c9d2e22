package io.claimstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;

import java.util.Locale;

/** How a consensus change reads on a terminal, as a line of text or as one JSON object. */
final class ChangeOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeOutput() {}

    static String json(ConsensusChange c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("key", c.getKey());
        o.put("subject", c.getSubject());
        o.put("counterparty", c.getCounterparty());
        o.put("attribute", c.getAttribute());
        o.put("qualifier", c.getQualifier());
        o.put("unit", c.getUnit());
        o.set("before", figure(c.getBefore()));
        o.set("after", figure(c.getAfter()));
        o.put("sources", c.getSources());
        ObjectNode trigger = o.putObject("trigger");
        trigger.put("article", c.getTrigger().getArticleId());
        trigger.put("source", c.getTrigger().getSource());
        trigger.put("evidence", c.getTrigger().getEvidence());
        trigger.put("start", c.getTrigger().getStart());
        trigger.put("end", c.getTrigger().getEnd());
        o.put("event_time", c.getEventTime().toString());
        o.put("correction", c.getCorrection());
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode figure(Figure f) {
        if (f == null) return null;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("value", f.getValue());
        if (f.getValueHigh() == null) o.putNull("value_high");
        else o.put("value_high", f.getValueHigh());
        o.put("bound", f.getBound().name());
        return o;
    }

    static String text(ConsensusChange c) {
        String head = String.format(Locale.ROOT, "%s  %s  %s → %s  (%d source%s)%s",
                c.getEventTime(), c.getKey(), describe(c.getBefore(), c.getUnit()), describe(c.getAfter(), c.getUnit()),
                c.getSources(), c.getSources() == 1 ? "" : "s", c.getCorrection() ? "  [correction]" : "");
        return head + System.lineSeparator() + "    moved by " + c.getTrigger().getSource()
                + (c.getTrigger().getSource().equals(c.getTrigger().getArticleId()) ? "" : " (" + c.getTrigger().getArticleId() + ")")
                + ": \"" + c.getTrigger().getEvidence().strip() + "\"";
    }

    static String describe(io.claimstream.consensus.Figure f, String unit) {
        return f == null ? "—" : describe(new Figure(f.value(), f.valueHigh(), io.claimstream.avro.Bound.valueOf(f.bound().wire())), unit);
    }

    /** "$14.3B", "about $15B", "49%", "$10B–$15B", "more than $29B". */
    static String describe(Figure f, String unit) {
        if (f == null) return "—";
        String value = amount(f.getValue(), unit);
        return switch (f.getBound()) {
            case exact -> value;
            case approx -> "about " + value;
            case at_least -> "at least " + value;
            case at_most -> "at most " + value;
            case range -> value + "–" + amount(f.getValueHigh() == null ? f.getValue() : f.getValueHigh(), unit);
        };
    }

    static String amount(double v, String unit) {
        return io.claimstream.model.Amounts.format(v, unit);
    }
}
