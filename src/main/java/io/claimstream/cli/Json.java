package io.claimstream.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.consensus.Evidence;
import io.claimstream.json.RecordJson;
import io.claimstream.consensus.Figure;
import io.claimstream.consensus.Standing;
import io.claimstream.consensus.WeightedEvidence;


/** JSON forms of the consensus domain types, for --json output. */
final class Json {
    static final ObjectMapper MAPPER = RecordJson.MAPPER;

    private Json() {}

    static ObjectNode object() {
        return RecordJson.object();
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode figure(Figure f) {
        return RecordJson.figure(f);
    }

    static ObjectNode evidence(Evidence e) {
        return RecordJson.evidence(e);
    }

    static ObjectNode claim(WeightedEvidence w) {
        ObjectNode o = evidence(w.evidence());
        o.set("figure", figure(w.evidence().figure()));
        o.put("modality", w.evidence().modality().wire());
        o.put("derived", w.evidence().derived());
        o.put("weight", w.weight());
        o.put("agrees", w.agrees());
        if (w.isCopy()) o.put("copy_of", w.copyOf()); // a copy of that source's story: weight 0, not counted
        return o;
    }

    static ObjectNode standing(String key, String unit, Standing s) {
        ObjectNode o = object();
        o.put("key", key);
        o.put("unit", unit);
        o.set("figure", figure(s.figure()));
        if (Double.isFinite(s.low())) o.put("low", s.low());
        else o.putNull("low");
        if (Double.isFinite(s.high())) o.put("high", s.high());
        else o.putNull("high");
        o.put("sources", s.sources());
        o.put("agreeing", s.agreeing());
        o.put("disagreeing", s.disagreeing());
        o.put("confidence", s.confidence());
        return o;
    }
}
