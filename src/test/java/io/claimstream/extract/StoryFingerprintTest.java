package io.claimstream.extract;

import io.claimstream.consensus.ConsensusConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story fingerprint tells edited copies of one text from independently written articles about the same deal.
 * The seeds are five such independent articles; the copies are seed texts edited the way outlets edit wire copy.
 * The distances printed here are the measurements in README-consensus.md.
 */
class StoryFingerprintTest {
    private static final int THRESHOLD = ConsensusConfig.defaults().storyDistance();

    static List<String> seeds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) out.add(Files.readString(p));
            return out;
        }
    }

    static List<String> paragraphs(String text) {
        return new ArrayList<>(Stream.of(text.split("\n")).filter(l -> !l.isBlank()).toList());
    }

    /** Copies of {@code text} edited as outlets edit wire copy, by name. */
    static Map<String, String> copies(String text) {
        List<String> p = paragraphs(text);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("new headline and byline", "Meta bets big on data labelling\nBy Jane Doe, Technology Correspondent\n" + text);
        List<String> removed = new ArrayList<>(p);
        removed.remove(removed.size() / 2);
        out.put("middle paragraph removed", String.join("\n", removed));
        List<String> added = new ArrayList<>(p);
        added.add(2, "Shares of Meta rose 1.2 percent in early trading on Tuesday after the report, while the wider "
                + "technology index was little changed. A spokesperson for Meta declined to comment on the talks.");
        out.put("paragraph added", String.join("\n", added));
        List<String> changed = new ArrayList<>(p);
        int at = 0;
        while (!changed.get(at).contains(". ")) at++;
        String first = changed.get(at);
        changed.set(at, "In a move that surprised analysts, the social media group is weighing a large new bet"
                + first.substring(first.indexOf(". ")));
        out.put("first sentence rewritten", String.join("\n", changed));
        out.put("page furniture", "Skip to content\nMenu Search Subscribe\nAdvertisement\n" + text
                + "\nShare this article: Facebook Twitter LinkedIn Email\nRead more: The biggest AI deals of the year\n"
                + "© 2025 Example Media Group. All rights reserved. Terms of use Privacy policy Cookie settings");
        out.put("last two paragraphs cut", String.join("\n", p.subList(0, p.size() - 2)));
        List<String> all = new ArrayList<>(removed);
        all.add(1, added.get(2));
        all.set(0, changed.get(0));
        all.set(at, changed.get(at));
        out.put("all of the above", "Meta bets big on data labelling\nBy Jane Doe\nAdvertisement\n" + String.join("\n", all)
                + "\nShare this article\n© 2025 Example Media Group. All rights reserved.");
        return out;
    }

    @Test
    void independentSeedArticlesAreFarApart() throws IOException {
        List<String> seeds = seeds();
        assertThat(seeds).hasSize(5);
        int min = 64;
        for (int i = 0; i < seeds.size(); i++) {
            for (int j = i + 1; j < seeds.size(); j++) {
                int d = StoryFingerprint.distance(StoryFingerprint.of(seeds.get(i)), StoryFingerprint.of(seeds.get(j)));
                System.out.printf("seed %03d vs seed %03d: %d%n", i, j, d);
                min = Math.min(min, d);
            }
        }
        System.out.printf("independent seeds: minimum distance %d, threshold %d%n", min, THRESHOLD);
        assertThat(min).isGreaterThan(THRESHOLD);
    }

    @Test
    void editedCopiesAreWithinTheThreshold() throws IOException {
        int max = 0;
        List<String> seeds = seeds();
        for (int i = 0; i < seeds.size(); i++) {
            long original = StoryFingerprint.of(seeds.get(i));
            for (Map.Entry<String, String> copy : copies(seeds.get(i)).entrySet()) {
                int d = StoryFingerprint.distance(original, StoryFingerprint.of(copy.getValue()));
                System.out.printf("seed %03d vs copy (%s): %d%n", i, copy.getKey(), d);
                max = Math.max(max, d);
            }
        }
        System.out.printf("edited copies: maximum distance %d, threshold %d%n", max, THRESHOLD);
        assertThat(max).isLessThanOrEqualTo(THRESHOLD);
    }

    @Test
    void caseAndPunctuationDoNotMatterAndShortTextsHaveNoFingerprint() throws IOException {
        String seed = seeds().get(0);
        long fp = StoryFingerprint.of(seed);
        assertThat(fp).isNotEqualTo(StoryFingerprint.UNKNOWN);
        assertThat(StoryFingerprint.of(seed.toUpperCase(java.util.Locale.ROOT).replace(",", " ;"))).isEqualTo(fp);
        assertThat(StoryFingerprint.of("Acme Corp. agreed to buy Widget Inc. for $2 billion in cash."))
                .isEqualTo(StoryFingerprint.UNKNOWN);
        assertThat(StoryFingerprint.of(null)).isEqualTo(StoryFingerprint.UNKNOWN);
    }
}
