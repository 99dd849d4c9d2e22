package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article generator of {@link ExtractionBench}: throughput figures are only comparable across builds and
 * machines if the corpus is the same for a seed, the size the figure is quoted for, and made of articles the
 * extractor actually has work to do on.
 */
class ExtractionBenchCorpusTest {

    @Test
    void theCorpusIsTheSameForASeedAndDiffersAcrossSeeds() {
        List<ArticleText> a = ExtractionBench.corpus(50, 42), b = ExtractionBench.corpus(50, 42);
        assertThat(b).isEqualTo(a);
        assertThat(ExtractionBench.corpus(50, 43)).isNotEqualTo(a);
        assertThat(a).extracting(ArticleText::id).doesNotHaveDuplicates();
    }

    @Test
    void articlesAreAboutThreeKilobytes() {
        long total = 0;
        List<ArticleText> corpus = ExtractionBench.corpus(200, 42);
        for (ArticleText a : corpus) {
            int bytes = a.text().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as(a.id()).isBetween(3000, 3600);
            total += bytes;
        }
        assertThat(total / corpus.size()).isBetween(3000L, 3300L);
    }

    @Test
    void articlesContainFiguresTheExtractorFinds() {
        ClaimExtractor x = new ClaimExtractor();
        QuantityParser quantities = new QuantityParser();
        long claims = 0;
        for (ArticleText a : ExtractionBench.corpus(200, 42)) {
            assertThat(quantities.parse(a.text())).as(a.id()).isNotEmpty();
            int n = x.extract(a).size();
            assertThat(n).as(a.id()).isPositive();
            claims += n;
        }
        // the bench reports about 22 claims an article; far fewer would mean the figures stopped being read
        assertThat(claims / 200).isGreaterThanOrEqualTo(10);
    }
}
