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

/** Acceptance 1: the five seed articles against their labels, with the score-claims matching rule. */
class SeedsAcceptanceTest {
    private static final Path SEEDS = Path.of("seeds");

    static List<Claim> extractSeeds(ClaimExtractor x) throws IOException {
        List<Claim> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString();
                out.addAll(x.extract(new ArticleText(name, name, null, null, null,
                        Files.readString(p, StandardCharsets.UTF_8))));
            }
        }
        return out;
    }

    static List<JsonNode> gold() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> gold = new ArrayList<>();
        for (String line : Files.readAllLines(SEEDS.resolve("gold/seeds.claims.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) gold.add(json.readTree(line));
        }
        return gold;
    }

    @Test
    void seedsF1IsOneWithBoundAndModalityRightOnEveryHit() throws IOException {
        ClaimScoring.Result r = ClaimScoring.score(extractSeeds(new ClaimExtractor()), gold());
        System.out.printf("seeds: hits=%d false=%d missed=%d f1=%.3f%n", r.hits(), r.falsePositives(), r.missed(), r.f1());
        assertThat(r.errors()).isEmpty();
        assertThat(r.f1()).isEqualTo(1.0);
        assertThat(r.boundAgrees()).isEqualTo(r.hits());
        assertThat(r.modalityAgrees()).isEqualTo(r.modalityN());
    }

    @Test
    void evidenceIsTheVerbatimSentenceAtItsOffsets() throws IOException {
        ClaimExtractor x = new ClaimExtractor();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                for (Claim c : x.extract(new ArticleText("a", null, null, null, null, text))) {
                    assertThat(text.substring(c.start(), c.end())).isEqualTo(c.evidence());
                    assertThat(c.source()).isEqualTo("a");
                }
            }
        }
    }
}
