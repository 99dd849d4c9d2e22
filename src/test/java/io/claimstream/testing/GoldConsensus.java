package io.claimstream.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of {@code seeds/gold/seeds.consensus.json}: where each key's figure must land after the five seeds,
 * how many change events it sees, and which seed caused the last one. Checks a run's changes against them.
 */
public final class GoldConsensus {
    /** One change as a run emitted it, reduced to what the labels speak of. */
    public record Observed(String key, Double after, String triggerArticle) {}

    public static final Path FILE = Path.of("seeds", "gold", "seeds.consensus.json");

    private GoldConsensus() {}

    /** Every way the changes disagree with the labels; empty when they hold. */
    public static List<String> violations(List<Observed> changes) throws IOException {
        JsonNode gold = new ObjectMapper().readTree(FILE.toFile());
        Map<String, List<Observed>> byKey = new LinkedHashMap<>();
        for (Observed o : changes) byKey.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o);
        List<String> problems = new ArrayList<>();
        for (JsonNode k : gold.get("keys")) {
            String key = k.get("key").asText();
            List<Observed> seen = byKey.getOrDefault(key, List.of());
            if (seen.isEmpty()) {
                problems.add(key + ": no change events at all");
                continue;
            }
            Observed last = seen.get(seen.size() - 1);
            double low = k.get("low").asDouble(), high = k.get("high").asDouble();
            if (last.after() == null || last.after() < low * (1 - 1e-9) || last.after() > high * (1 + 1e-9)) {
                problems.add(key + ": final figure " + last.after() + " outside [" + low + ", " + high + "]");
            }
            if (k.has("events") && seen.size() != k.get("events").asInt()) {
                problems.add(key + ": " + seen.size() + " events, expected " + k.get("events").asInt());
            }
            if (k.has("events_at_least") && seen.size() < k.get("events_at_least").asInt()) {
                problems.add(key + ": " + seen.size() + " events, expected at least " + k.get("events_at_least").asInt());
            }
            String trigger = k.get("last_trigger").asText();
            if (!trigger.equals(last.triggerArticle())) {
                problems.add(key + ": last change triggered by " + last.triggerArticle() + ", expected " + trigger);
            }
        }
        return problems;
    }
}
