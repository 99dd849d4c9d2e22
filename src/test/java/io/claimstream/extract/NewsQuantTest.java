package io.claimstream.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 2: QuantityParser on the NewsQuant tuning half, scored like /work/shared/tools/score-quantities
 * (same line, 1% tolerance; predictions whose unit is neither a 3-letter code nor percent are ignored).
 */
class NewsQuantTest {

    /**
     * Lines whose gold label is wrong; scored neither way. The code is not bent to them.
     */
    static final Map<Integer, String> WRONG_LABELS = Map.of(
            155, "'$1.25 sterling' is the dollar price of a pound: the figure is USD, the label says GBP",
            238, "'rose 0.2%' is labelled 2.0 percent",
            267, "'rose about 1.5%' is labelled exact; 'about' makes it approx by the labelling rules",
            279, "'around 1 percent' is labelled exact; 'around' makes it approx by the labelling rules",
            282, "'$1.1396 EUR=' is a dollar price (EUR= is the Reuters code of the euro quote); labelled EUR",
            246, "'from 24.2 to 33-35 billion euros' is a change from 24.2bn to a 33-35bn range; the label makes two "
                    + "ranges 24.2-33 and 24.2-35 that the text does not state");

    record Q(int line, double value, Double high, String unit, String bound) {}

    static List<String> sentences() throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = reader("sentences.txt")) {
            for (String l; (l = r.readLine()) != null; ) out.add(l);
        }
        return out;
    }

    static List<Q> gold() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Q> out = new ArrayList<>();
        try (BufferedReader r = reader("gold.jsonl")) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.isBlank()) continue;
                JsonNode n = json.readTree(l);
                out.add(new Q(n.get("line").asInt(), n.get("value").asDouble(),
                        n.hasNonNull("value_high") ? n.get("value_high").asDouble() : null,
                        n.get("unit").asText(), n.get("bound").asText()));
            }
        }
        return out;
    }

    private static BufferedReader reader(String name) {
        InputStream in = NewsQuantTest.class.getResourceAsStream("/eval/newsquant/" + name);
        if (in == null) throw new IllegalStateException("missing test resource eval/newsquant/" + name);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static List<Q> predict(List<String> lines) {
        QuantityParser p = new QuantityParser();
        List<Q> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Quantity q : p.parse(lines.get(i))) {
                String u = q.unit();
                boolean ours = u.equals("percent") || u.length() == 3 && u.chars().allMatch(Character::isUpperCase);
                if (ours) out.add(new Q(i + 1, q.value(), q.valueHigh(), u, q.bound().wire()));
            }
        }
        return out;
    }

    static boolean close(Double a, Double b) {
        if (a == null || b == null) return a == null && b == null;
        return Math.abs(a - b) <= 0.01 * Math.max(Math.abs(b), 1e-9);
    }

    static double f1(List<Q> pred, List<Q> gold, BiPredicate<Q, Q> same) {
        Set<Integer> used = new HashSet<>();
        int tp = 0;
        for (Q p : pred) {
            for (int i = 0; i < gold.size(); i++) {
                Q g = gold.get(i);
                if (!used.contains(i) && g.line() == p.line() && same.test(p, g)) {
                    used.add(i);
                    tp++;
                    break;
                }
            }
        }
        double prec = pred.isEmpty() ? 0 : (double) tp / pred.size();
        double rec = gold.isEmpty() ? 0 : (double) tp / gold.size();
        return prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
    }

    static final BiPredicate<Q, Q> VALUE = (p, g) -> close(p.value(), g.value()) && close(p.high(), g.high());
    static final BiPredicate<Q, Q> VALUE_UNIT = VALUE.and((p, g) -> p.unit().equals(g.unit()));
    static final BiPredicate<Q, Q> FULL = VALUE_UNIT.and((p, g) -> p.bound().equals(g.bound()));

    @Test
    void valueUnitBoundF1AtLeast093() throws IOException {
        List<Q> pred = predict(sentences());
        List<Q> gold = gold();
        List<Q> p2 = pred.stream().filter(q -> !WRONG_LABELS.containsKey(q.line())).toList();
        List<Q> g2 = gold.stream().filter(q -> !WRONG_LABELS.containsKey(q.line())).toList();
        System.out.printf("newsquant (all lines): value=%.3f value+unit=%.3f value+unit+bound=%.3f%n",
                f1(pred, gold, VALUE), f1(pred, gold, VALUE_UNIT), f1(pred, gold, FULL));
        System.out.printf("newsquant (wrong labels excluded): value=%.3f value+unit=%.3f value+unit+bound=%.3f%n",
                f1(p2, g2, VALUE), f1(p2, g2, VALUE_UNIT), f1(p2, g2, FULL));
        assertThat(f1(p2, g2, FULL)).isGreaterThanOrEqualTo(0.93);
        assertThat(f1(pred, gold, FULL)).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void excludedLinesReallyDisagreeWithTheirLabel() throws IOException {
        // guards the exclusion list: an excluded line that the parser now matches exactly needs no excuse
        List<Q> pred = predict(sentences());
        List<Q> gold = gold();
        for (int line : WRONG_LABELS.keySet()) {
            List<Q> p = pred.stream().filter(q -> q.line() == line).toList();
            List<Q> g = gold.stream().filter(q -> q.line() == line).toList();
            assertThat(f1(p, g, FULL)).as("line %d", line).isLessThan(1.0);
        }
    }
}
