package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 4: same article, same claims in the same order, from one instance or two. */
class DeterminismTest {

    @Test
    void extractingTwiceAndFromTwoInstancesGivesEqualLists() throws IOException {
        ClaimExtractor one = new ClaimExtractor(), two = new ClaimExtractor();
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                ArticleText a = new ArticleText(p.getFileName().toString(), null, null, null, null, Files.readString(p));
                List<Claim> first = one.extract(a);
                assertThat(first).isNotEmpty();
                assertThat(one.extract(a)).isEqualTo(first);
                assertThat(two.extract(a)).isEqualTo(first);
            }
        }
    }

    @Test
    void concurrentUseOfOneInstanceGivesTheSameClaims() throws Exception {
        ClaimExtractor x = new ClaimExtractor();
        ArticleText a = new ArticleText("c", null, null, null, null,
                "Globex Corp. agreed to buy Initech Inc. for $4.2 billion, or $31.50 a share. "
                        + "Initech was valued at $2.9 billion in its last funding round.");
        List<Claim> expected = x.extract(a);
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int n = 0; n < 200; n++) {
                    if (!x.extract(a).equals(expected)) failures.add(new AssertionError("differs"));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        assertThat(failures).isEmpty();
    }

    @Test
    void versionIsSet() {
        assertThat(ClaimExtractor.VERSION).isNotBlank();
    }
}
