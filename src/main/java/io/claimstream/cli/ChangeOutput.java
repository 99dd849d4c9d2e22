package io.claimstream.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;

import java.util.Locale;

/** How a consensus change reads on a terminal, as a line of text or as one JSON object. */
final class ChangeOutput {
    private ChangeOutput() {}

    static String json(ConsensusChange c) {
        ObjectNode o = Json.object();
        o.put("key", c.getKey());
        o.put("subject", c.getSubject());
        o.put("counterparty", c.getCounterparty());
        o.put("attribute", c.getAttribute());
        o.put("qualifier", c.getQualifier());
        o.put("unit", c.getUnit());
        o.set("before", Json.figure(c.getBefore()));
        o.set("after", Json.figure(c.getAfter()));
        o.put("sources", c.getSources());
        ObjectNode trigger = o.putObject("trigger");
        trigger.put("article", c.getTrigger().getArticleId());
        trigger.put("source", c.getTrigger().getSource());
        trigger.put("evidence", c.getTrigger().getEvidence());
        trigger.put("start", c.getTrigger().getStart());
        trigger.put("end", c.getTrigger().getEnd());
        o.put("event_time", c.getEventTime().toString());
        o.put("correction", c.getCorrection());
        return Json.write(o);
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
