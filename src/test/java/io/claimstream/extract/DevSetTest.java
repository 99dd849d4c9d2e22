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
 * (extract-1.3.0: F1 0.940; 1.4.0 and 1.5.0: 0.994), so the figure is optimistic; the thresholds
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
     * Sets written and labelled by helpers who never read the rules or ran the extractor, committed before any run,
     * whose errors then shaped the extract-1.5.0 rules: fitted figures now, the floors a little under 1.5.0's only
     * catch a regression. Clean (before any rule was fitted to them) they measured: holdout3 1.4.0 0.761; holdout4
     * 1.4.0 0.452; holdout5 1.4.0 0.295; holdout7 1.4.0 0.439 and the 1.5.0 rules of the first two rounds 0.496;
     * holdout8 1.4.0 0.471 and the first two rounds 0.538. Fitted, 1.5.0: 0.914, 0.794, 0.830, 0.672, 0.707.
     */
    @Test
    void fittedSetsStayAboveTheirFloors() throws IOException {
        for (var set : java.util.Map.of("holdout3", 0.89, "holdout4", 0.77, "holdout5", 0.80, "holdout7", 0.64,
                "holdout8", 0.68).entrySet()) {
            assertAtLeast(set.getKey(), set.getValue());
        }
    }

    /**
     * The clean held-out set of extract-1.5.0: nine articles on nine more deals (a Swiss-franc rescue, a
     * Canadian-dollar takeover, a Korean won tender offer, a tech acquisition with cash or stock per share, a rumour
     * piece, a short brief, a UK take-private in pence and dollars, a robotics round with each investor's amount,
     * an opinion column on older deals), measured once, its errors not looked at: 1.4.0 F1 0.604, 1.5.0 0.636. The
     * honest estimate of the extractor on coverage it has not seen; the floor only catches a regression.
     */
    @Test
    void cleanHeldOutSetStaysAboveItsFloor() throws IOException {
        assertAtLeast("holdout6", 0.61);
    }

    private static void assertAtLeast(String set, double floor) throws IOException {
        Path dir = DIR.resolve(set);
        ClaimScoring.Result r = ClaimScoring.score(extract(new ClaimExtractor(), dir), gold(dir));
        System.out.printf("%s: hits=%d false=%d missed=%d p=%.3f r=%.3f f1=%.3f%n", set,
                r.hits(), r.falsePositives(), r.missed(), r.precision(), r.recall(), r.f1());
        assertThat(r.f1()).as("%s F1", set).isGreaterThanOrEqualTo(floor);
    }

    @Test
    void everyGoldClaimQuotesItsArticle() throws IOException {
        for (Path dir : List.of(DIR, DIR.resolve("holdout"), DIR.resolve("holdout2"), DIR.resolve("holdout3"),
                DIR.resolve("holdout4"), DIR.resolve("holdout5"), DIR.resolve("holdout6"), DIR.resolve("holdout7"),
                DIR.resolve("holdout8"))) {
            for (JsonNode g : gold(dir)) {
                String text = Files.readString(dir.resolve("articles").resolve(g.get("article").asText()),
                        StandardCharsets.UTF_8);
                assertThat(text).as(g.toString()).contains(g.get("evidence").asText());
            }
        }
    }
}
