package io.claimstream.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SeenSetTest {
    @Test
    void theSeenSetSurvivesARestartAndIgnoresATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seen.tsv");
        String hash = ArticleIds.contentHash("text");
        try (SeenSet seen = new SeenSet(file)) {
            seen.add("https://example.com/a", hash);
        }
        Files.writeString(file, "https://example.com/torn\t12ab", java.nio.file.StandardOpenOption.APPEND);
        try (SeenSet again = new SeenSet(file)) {
            assertThat(again.contains("https://example.com/a", hash)).isTrue();
            assertThat(again.contains("https://example.com/a", ArticleIds.contentHash("other text"))).isFalse();
            assertThat(again.containsId("https://example.com/torn")).isFalse();
        }
    }

    @Test
    void theSeenSetKeepsTheNewestAndCompactsItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seen.tsv");
        try (SeenSet seen = new SeenSet(file, 2)) {
            for (int i = 0; i < 5; i++) seen.add("https://example.com/" + i, ArticleIds.contentHash("t" + i));
        }
        try (SeenSet again = new SeenSet(file, 2)) {
            assertThat(again.size()).isEqualTo(2);
            assertThat(again.containsId("https://example.com/4")).isTrue();
            assertThat(again.containsId("https://example.com/3")).isTrue();
            assertThat(again.containsId("https://example.com/0")).isFalse();
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
