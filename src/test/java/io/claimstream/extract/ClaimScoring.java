package io.claimstream.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimstream.model.Claim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The matching rule of /work/shared/tools/score-claims, re-implemented: core attributes only; article,
 * attribute, subject, counterparty equal; qualifier equal where the gold has one; value (and value_high for
 * ranges) within 1%; optional gold claims neither hit nor miss; a second prediction of an already matched gold
 * fact is neither.
 */
final class ClaimScoring {
    static final Set<String> CORE = Set.of("investment_amount", "stake_percent", "valuation", "previous_valuation",
            "deal_value", "price_per_share", "revenue", "revenue_projection");

    record Result(int hits, int falsePositives, int missed, int boundAgrees, int modalityAgrees, int modalityN,
                  List<String> errors) {
        double precision() { return hits + falsePositives == 0 ? 0 : (double) hits / (hits + falsePositives); }
        double recall() { return hits + missed == 0 ? 0 : (double) hits / (hits + missed); }
        double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static Result score(List<Claim> predicted, List<JsonNode> gold) {
        Set<Integer> used = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int tp = 0, fp = 0, bound = 0, modality = 0, modalityN = 0;
        List<String> errors = new ArrayList<>();
        for (Claim p : predicted) {
            if (!CORE.contains(p.attribute())) continue;
            String key = String.join("|", p.articleId(), p.subject(), String.valueOf(p.counterparty()), p.attribute(),
                    String.valueOf(p.qualifier()), String.valueOf(p.value()), String.valueOf(p.valueHigh()));
            if (!seen.add(key)) continue;
            Integer hit = null, hitAny = null;
            for (int i = 0; i < gold.size(); i++) {
                if (!matches(p, gold.get(i))) continue;
                if (hitAny == null) hitAny = i;
                if (!used.contains(i)) {
                    hit = i;
                    break;
                }
            }
            if (hit == null) {
                if (hitAny != null) continue;
                fp++;
                errors.add("FP " + p.key() + " " + p.value() + " " + p.evidence());
                continue;
            }
            used.add(hit);
            JsonNode g = gold.get(hit);
            if (g.path("optional").asBoolean(false)) continue;
            tp++;
            if (p.bound().wire().equals(g.get("bound").asText())) bound++;
            else errors.add("BOUND " + p.key() + " " + p.bound().wire() + " vs " + g.get("bound").asText());
            if (g.hasNonNull("modality")) {
                modalityN++;
                if (p.modality().wire().equals(g.get("modality").asText())) modality++;
                else errors.add("MODALITY " + p.key() + " " + p.modality().wire() + " vs " + g.get("modality").asText());
            }
        }
        int fn = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).path("optional").asBoolean(false) || used.contains(i)) continue;
            fn++;
            errors.add("FN " + gold.get(i));
        }
        return new Result(tp, fp, fn, bound, modality, modalityN, errors);
    }

    static boolean matches(Claim p, JsonNode g) {
        if (!norm(p.articleId()).equals(norm(g.get("article").asText()))) return false;
        if (!p.attribute().equals(g.get("attribute").asText())) return false;
        if (!norm(p.subject()).equals(norm(text(g, "subject")))) return false;
        if (!norm(p.counterparty()).equals(norm(text(g, "counterparty")))) return false;
        String q = text(g, "qualifier");
        if (q != null && !q.isEmpty() && !norm(p.qualifier()).equals(norm(q))) return false;
        if (!close(p.value(), g.get("value").asDouble())) return false;
        if (g.hasNonNull("value_high")) {
            return p.valueHigh() != null && close(p.valueHigh(), g.get("value_high").asDouble());
        }
        return true;
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= 0.01 * Math.max(Math.abs(b), 1e-9);
    }

    private static String text(JsonNode g, String f) {
        return g.hasNonNull(f) ? g.get(f).asText() : null;
    }

    private static String norm(String s) {
        return s == null || s.isEmpty() ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
