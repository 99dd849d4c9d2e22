package io.claimstream.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.model.Bound;
import io.claimstream.model.ClaimKey;
import io.claimstream.model.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five seed articles, published in file-name order, must land every key of seeds/gold/seeds.consensus.json:
 * the final figure inside [low, high], the number of change events, and the article that triggered the last one.
 */
class SeedConsensusTest {

    static final Path CLAIMS = Path.of("seeds/gold/seeds.claims.jsonl");
    static final Path GOLD = Path.of("seeds/gold/seeds.consensus.json");
    static final Set<String> CORE = Set.of("investment_amount", "stake_percent", "valuation", "previous_valuation",
            "deal_value", "price_per_share", "revenue", "revenue_projection");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Which gold claims are fed: the optional ones are claims a good extractor may or may not produce. */
    enum Selection {
        REQUIRED_ONLY, REQUIRED_AND_OPTIONAL_CORE, ALL
    }

    record Seed(String key, Evidence evidence, boolean optional, String attribute) {
    }

    final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults());

    @ParameterizedTest
    @EnumSource(Selection.class)
    void goldHoldsForSeedsInFileOrder(Selection selection) throws IOException {
        Map<String, KeyHistory> histories = new LinkedHashMap<>();
        Map<String, List<Change>> emitted = new LinkedHashMap<>();
        for (Seed seed : seeds(selection)) {
            KeyHistory h = histories.getOrDefault(seed.key(), KeyHistory.empty());
            Update u = engine.apply(h, seed.evidence());
            histories.put(seed.key(), u.history());
            emitted.computeIfAbsent(seed.key(), k -> new ArrayList<>()).addAll(u.changes());
            assertThat(u.changes()).as("in-order arrival emits at most one change").hasSizeLessThanOrEqualTo(1);
            assertThat(u.changes()).allSatisfy(c -> assertThat(c.correction()).isFalse());
        }
        for (JsonNode gold : JSON.readTree(GOLD.toFile()).get("keys")) {
            String key = gold.get("key").asText();
            KeyHistory h = histories.get(key);
            assertThat(h).as("claims for %s", key).isNotNull();
            assertGold(gold, engine.current(h), emitted.get(key));
            assertThat(engine.timeline(h)).as("timeline of %s equals the emitted changes", key)
                    .isEqualTo(emitted.get(key));
        }
    }

    @Test
    void goldHoldsWhenTheSameClaimsArriveShuffled() throws IOException {
        for (long seedNo = 0; seedNo < 20; seedNo++) {
            List<Seed> seeds = new ArrayList<>(seeds(Selection.ALL));
            Collections.shuffle(seeds, new Random(seedNo));
            Map<String, KeyHistory> histories = new LinkedHashMap<>();
            for (Seed seed : seeds) {
                histories.merge(seed.key(), engine.apply(KeyHistory.empty(), seed.evidence()).history(),
                        (h, ignored) -> engine.apply(h, seed.evidence()).history());
            }
            for (JsonNode gold : JSON.readTree(GOLD.toFile()).get("keys")) {
                KeyHistory h = histories.get(gold.get("key").asText());
                assertGold(gold, engine.current(h), engine.timeline(h));
            }
        }
    }

    /**
     * The seed "analysts predict this figure will double" (1.74B, optional) is derived: the article does not state
     * the figure. Fed as a stated projected claim it would weigh the same as 003's "around $2 billion" (0.8 each),
     * and on that tie the incumbent 1.74B keeps the figure, which the gold does not want. Pinned here so the
     * dependency on the extractor's derived flag is visible.
     */
    @Test
    void revenueProjectionNeedsTheDoublingFlaggedDerived() throws IOException {
        List<Seed> projection = seeds(Selection.ALL).stream()
                .filter(s -> s.key().equals("scale-ai:revenue_projection:2025")).toList();
        assertThat(projection).hasSize(2);
        assertThat(projection.get(0).evidence().derived()).isTrue();
        assertThat(projection.get(1).evidence().derived()).isFalse();

        KeyHistory asDerived = KeyHistory.empty();
        KeyHistory asStated = KeyHistory.empty();
        for (Seed s : projection) {
            asDerived = engine.apply(asDerived, s.evidence()).history();
            Evidence e = s.evidence();
            asStated = engine.apply(asStated, new Evidence(e.source(), e.articleId(), e.url(), e.value(), e.valueHigh(),
                    e.bound(), e.modality(), false, e.evidence(), e.start(), e.end(), e.eventTime(), false)).history();
        }
        assertThat(engine.current(asDerived).figure().value()).isEqualTo(2_000_000_000.0);
        assertThat(engine.current(asStated).figure().value()).isEqualTo(1_740_000_000.0);
    }

    @Test
    void workedExampleFigures() throws IOException {
        Map<String, KeyHistory> histories = new LinkedHashMap<>();
        for (Seed seed : seeds(Selection.REQUIRED_ONLY)) {
            histories.put(seed.key(), engine.apply(histories.getOrDefault(seed.key(), KeyHistory.empty()),
                    seed.evidence()).history());
        }
        Standing investment = engine.current(histories.get("meta>scale-ai:investment_amount"));
        assertThat(investment.figure()).isEqualTo(Figure.of(14.3e9, Bound.EXACT));
        assertThat(investment.agreeing()).isEqualTo(5);
        assertThat(investment.confidence()).isEqualTo(1.0);
        // after 003: feasible [14.25B, 15B], figure still about 15B
        Standing before004 = engine.standingAt(histories.get("meta>scale-ai:investment_amount"), 3);
        assertThat(before004.figure()).isEqualTo(Figure.of(15e9, Bound.APPROX));
        assertThat(before004.low()).isCloseTo(14.25e9, org.assertj.core.data.Offset.offset(1.0));
        assertThat(before004.high()).isEqualTo(15e9);

        Standing valuation = engine.current(histories.get("scale-ai:valuation"));
        assertThat(valuation.figure()).isEqualTo(Figure.of(29e9, Bound.AT_LEAST));
        assertThat(valuation.low()).isEqualTo(29e9);
        assertThat(valuation.high()).isCloseTo(29.4e9, org.assertj.core.data.Offset.offset(1.0));
        assertThat(valuation.agreeing()).isEqualTo(2);
        assertThat(valuation.disagreeing()).isEqualTo(1); // the speculative $25B
        assertThat(valuation.confidence()).isCloseTo(2.0 / 2.4, org.assertj.core.data.Offset.offset(1e-12));

        Standing previous = engine.current(histories.get("scale-ai:previous_valuation"));
        assertThat(previous.figure()).isEqualTo(Figure.of(14e9, Bound.EXACT)); // firmer bound shown, no event
        assertThat(engine.timeline(histories.get("scale-ai:previous_valuation"))).hasSize(1);
    }

    private static void assertGold(JsonNode gold, Standing standing, List<Change> changes) {
        String key = gold.get("key").asText();
        assertThat(standing.figure()).as("figure of %s", key).isNotNull();
        assertThat(standing.figure().value()).as("figure of %s", key)
                .isBetween(gold.get("low").asDouble(), gold.get("high").asDouble());
        if (gold.has("events")) {
            assertThat(changes).as("events of %s: %s", key, changes).hasSize(gold.get("events").asInt());
        } else {
            assertThat(changes).as("events of %s: %s", key, changes)
                    .hasSizeGreaterThanOrEqualTo(gold.get("events_at_least").asInt());
        }
        assertThat(changes.get(changes.size() - 1).trigger().articleId()).as("last trigger of %s", key)
                .isEqualTo(gold.get("last_trigger").asText());
        // the standing may show a firmer bound than the last change published (about 14B, then exactly 14B)
        assertThat(Figure.moved(changes.get(changes.size() - 1).after(), standing.figure(), 0.001))
                .as("%s: standing %s strays from the last published figure", key, standing.figure()).isFalse();
    }

    /** The gold claims as evidence: source = article, event time = the article's position in file-name order. */
    static List<Seed> seeds(Selection selection) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(CLAIMS)) if (!line.isBlank()) lines.add(JSON.readTree(line));
        TreeSet<String> articles = new TreeSet<>();
        lines.forEach(l -> articles.add(l.get("article").asText()));
        List<String> order = new ArrayList<>(articles);
        List<Seed> seeds = new ArrayList<>();
        for (JsonNode l : lines) {
            boolean optional = l.get("optional").asBoolean();
            String attribute = l.get("attribute").asText();
            if (optional && selection == Selection.REQUIRED_ONLY) continue;
            if (optional && selection == Selection.REQUIRED_AND_OPTIONAL_CORE && !CORE.contains(attribute)) continue;
            String article = l.get("article").asText();
            String key = ClaimKey.of(l.get("subject").asText(), text(l, "counterparty"), attribute, text(l, "qualifier"));
            double value = l.get("value").asDouble();
            Double high = l.get("value_high").isNull() ? null : l.get("value_high").asDouble();
            String words = l.get("evidence").asText();
            Evidence e = new Evidence(article, article, null, value, high, Bound.fromWire(l.get("bound").asText()),
                    Modality.fromWire(l.get("modality").asText()), !statedIn(words, value), words, 0, words.length(),
                    order.indexOf(article), false);
            seeds.add(new Seed(key, e, optional, attribute));
        }
        return seeds;
    }

    /**
     * The gold file has no derived flag; Claim.derived means "computed from another figure rather than stated", so a
     * claim whose figure is not written in its evidence (as units, thousands, millions or billions) is derived. In the
     * seeds that is exactly "analysts predict this figure will double" (1.74B).
     */
    static boolean statedIn(String evidence, double value) {
        for (double scale : new double[]{1, 1e3, 1e6, 1e9}) {
            String number = new BigDecimal(Double.toString(value / scale)).stripTrailingZeros().toPlainString();
            if (Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?!\\.?\\d)").matcher(evidence).find()) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode n, String field) {
        return n.get(field) == null || n.get(field).isNull() ? null : n.get(field).asText();
    }
}
