package io.claimstream.cli;

import io.claimstream.json.RecordJson;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;

import java.util.Locale;

/** How a consensus change reads on a terminal, as a line of text or as one JSON object. */
final class ChangeOutput {
    private ChangeOutput() {}

    static String json(ConsensusChange c) {
        return RecordJson.write(RecordJson.change(c));
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
