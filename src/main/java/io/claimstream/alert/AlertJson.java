package io.claimstream.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Alert;
import io.claimstream.avro.Figure;

/** An alert as one JSON object: the webhook body and a line of the alert log. */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {}

    public static String of(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.getId());
        o.put("message", a.getMessage());
        o.put("key", a.getKey());
        o.put("subject", a.getSubject());
        o.put("counterparty", a.getCounterparty());
        o.put("attribute", a.getAttribute());
        o.put("qualifier", a.getQualifier());
        o.put("unit", a.getUnit());
        o.set("before", figure(a.getBefore()));
        o.set("after", figure(a.getAfter()));
        o.put("sources", a.getSources());
        ObjectNode t = o.putObject("trigger");
        t.put("article", a.getTrigger().getArticleId());
        t.put("source", a.getTrigger().getSource());
        t.put("url", a.getTrigger().getUrl());
        t.put("evidence", a.getTrigger().getEvidence());
        o.put("event_time", a.getEventTime().toString());
        o.put("correction", a.getCorrection());
        o.put("rule", a.getRule());
        return o.toString();
    }

    private static ObjectNode figure(Figure f) {
        if (f == null) return null;
        ObjectNode o = JSON.createObjectNode();
        o.put("value", f.getValue());
        if (f.getValueHigh() == null) o.putNull("value_high");
        else o.put("value_high", f.getValueHigh());
        o.put("bound", f.getBound().name());
        return o;
    }
}
