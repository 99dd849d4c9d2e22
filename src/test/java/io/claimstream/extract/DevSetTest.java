package io.claimstream.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development set: 16 articles on eight deals other than the seeds' (wire, tech and business press, a UK
 * outlet, euro deals, press releases, talks, an update and a correction), labelled by hand in the gold format
 * before the extractor was run on them. Scored with the score-claims matching rule. The rules were fitted to it
 * (extract-1.3.0: F1 0.940; 1.4.0: 0.994, bound 82/82, modality 80/82), so the figure is optimistic; the thresholds
 * only catch a gross regression.
 */
class DevSetTest {
    private static final Path DIR = Path.of("src/test/resources/devset");

    static List<Claim> extract(ClaimExtractor x, Path dir) throws IOException {
        List<Claim> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("articles"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString();
                out.addAll(x.extract(new ArticleText(name, name, null, null, null,
                        Files.readString(p, StandardCharsets.UTF_8))));
            }
        }
        return out;
    }

    static List<JsonNode> gold(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> gold = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("claims.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) gold.add(json.readTree(line));
        }
        return gold;
    }

    @Test
    void devSetF1StaysAboveItsThreshold() throws IOException {
        ClaimScoring.Result r = ClaimScoring.score(extract(new ClaimExtractor(), DIR), gold(DIR));
        System.out.printf("devset: hits=%d false=%d missed=%d p=%.3f r=%.3f f1=%.3f bound=%d/%d modality=%d/%d%n",
                r.hits(), r.falsePositives(), r.missed(), r.precision(), r.recall(), r.f1(), r.boundAgrees(), r.hits(),
                r.modalityAgrees(), r.modalityN());
        assertThat(r.f1()).as("dev set F1; errors: %s", r.errors()).isGreaterThanOrEqualTo(0.89);
        assertThat((double) r.boundAgrees() / r.hits()).as("bound agreement").isGreaterThanOrEqualTo(0.95);
        assertThat((double) r.modalityAgrees() / r.modalityN()).as("modality agreement").isGreaterThanOrEqualTo(0.93);
    }

    /**
     * Four more articles on four more deals, labelled before any run. Up to extract-1.3.0 no rule was fitted to
     * them, so the clean held-out figures are 1.1.0 F1 0.410, 1.2.0 0.541, 1.3.0 0.634. Their errors were then used
     * to shape the 1.4.0 rules: 1.4.0's 0.750 here is a fitted figure, like the dev set's, and this is no longer a
     * held-out set (what is left is the International Distribution Services (IDS) slug convention, see RULES.md).
     * The floor, a little under 0.750, only catches a regression; the clean estimate for 1.4.0 must come from a
     * set it has not seen.
     */
    @Test
    void heldOutF1StaysAboveItsFloor() throws IOException {
        Path dir = DIR.resolve("holdout");
        ClaimScoring.Result r = ClaimScoring.score(extract(new ClaimExtractor(), dir), gold(dir));
        System.out.printf("holdout: hits=%d false=%d missed=%d p=%.3f r=%.3f f1=%.3f%n",
                r.hits(), r.falsePositives(), r.missed(), r.precision(), r.recall(), r.f1());
        assertThat(r.f1()).as("held-out F1; errors: %s", r.errors()).isGreaterThanOrEqualTo(0.72);
    }

    /**
     * A second set, five articles on five more deals (UK takeover in pence, a Japanese buyer with a two-city
     * dateline, a chip-industry press release, an AI start-up's round, a European telecom deal in euros), labelled
     * and committed before any run, to measure extract-1.3.0's general rules: the clean held-out figures are 1.2.0
     * F1 0.529 and 1.3.0 0.571. Its errors were then used to shape the 1.4.0 rules, so 1.4.0's 1.000 here is a
     * fitted figure and this is no longer a held-out set; the floor, a little under it, only catches a regression.
     */
    @Test
    void secondHeldOutF1StaysAboveItsFloor() throws IOException {
        Path dir = DIR.resolve("holdout2");
        ClaimScoring.Result r = ClaimScoring.score(extract(new ClaimExtractor(), dir), gold(dir));
        System.out.printf("holdout2: hits=%d false=%d missed=%d p=%.3f r=%.3f f1=%.3f%n",
                r.hits(), r.falsePositives(), r.missed(), r.precision(), r.recall(), r.f1());
        assertThat(r.f1()).as("second held-out F1; errors: %s", r.errors()).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The clean held-out sets of extract-1.4.0: seven articles each on fourteen more deals, written and labelled by
     * someone who never read the rules or ran the extractor, committed before any run, and used to shape no rule.
     * holdout3: an all-stock oil merger, a pharma deal with a contingent value right, a sovereign fund's stake in
     * euros, a Series C with a previous valuation, a UK takeover in pence, a trading house's minority stake with a
     * forecast, a rumoured deal. holdout4: Australian dollars with US dollars in brackets, rupees in crore, a
     * take-private press release with equity and enterprise values and guidance, a down-round, a UK bid with a rival,
     * a raised bid in yen with anonymous sources, an analysis piece full of earlier deals. Measured: 1.3.0 F1 0.750
     * and 0.387, 1.4.0 0.761 and 0.452. These are the honest estimates of how the extractor does on coverage it
     * has not seen; the floors, a little under 1.4.0's figures, only catch a regression.
     */
    @Test
    void cleanHeldOutSetsStayAboveTheirFloors() throws IOException {
        for (var set : java.util.Map.of("holdout3", 0.73, "holdout4", 0.42).entrySet()) {
            Path dir = DIR.resolve(set.getKey());
            ClaimScoring.Result r = ClaimScoring.score(extract(new ClaimExtractor(), dir), gold(dir));
            System.out.printf("%s: hits=%d false=%d missed=%d p=%.3f r=%.3f f1=%.3f%n", set.getKey(),
                    r.hits(), r.falsePositives(), r.missed(), r.precision(), r.recall(), r.f1());
            assertThat(r.f1()).as("%s F1; errors: %s", set.getKey(), r.errors()).isGreaterThanOrEqualTo(set.getValue());
        }
    }

    @Test
    void everyGoldClaimQuotesItsArticle() throws IOException {
        for (Path dir : List.of(DIR, DIR.resolve("holdout"), DIR.resolve("holdout2"), DIR.resolve("holdout3"), DIR.resolve("holdout4"))) {
            for (JsonNode g : gold(dir)) {
                String text = Files.readString(dir.resolve("articles").resolve(g.get("article").asText()),
                        StandardCharsets.UTF_8);
                assertThat(text).as(g.toString()).contains(g.get("evidence").asText());
            }
        }
    }
}
