package io.claimstream.bench;

import io.claimstream.avro.Article;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import io.claimstream.stream.AvroMapping;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleGeneratorTest {
    private final ClaimExtractor extractor = new ClaimExtractor();

    @Test
    void sameSeedSameArticles_otherSeedOtherArticles() {
        ArticleGenerator a = ArticleGenerator.forArticles(42, 2000), b = ArticleGenerator.forArticles(42, 2000);
        ArticleGenerator c = ArticleGenerator.forArticles(43, 2000);
        for (long i : new long[] {0, 1, 17, 1999}) {
            assertThat(a.article(i)).isEqualTo(b.article(i));
            assertThat(a.moving(i)).isEqualTo(b.moving(i));
            assertThat(c.article(i).getText()).isNotEqualTo(a.article(i).getText());
        }
    }

    @Test
    void articlesAreAboutThreeKilobytesAndAllDifferent() {
        ArticleGenerator g = ArticleGenerator.forArticles(7, 1000);
        Set<String> texts = new HashSet<>();
        for (long i = 0; i < 1000; i++) {
            Article a = g.article(i);
            int bytes = a.getText().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("article %d", i).isBetween(2500, 3600);
            texts.add(a.getText());
        }
        assertThat(texts).hasSize(1000);
    }

    @Test
    void coverageIsSkewedOverManyDeals() {
        ArticleGenerator g = ArticleGenerator.forArticles(7, 4000);
        Map<String, Integer> perHeadline = new HashMap<>();
        Set<String> sources = new HashSet<>();
        for (long i = 0; i < 4000; i++) {
            Article a = g.article(i);
            String deal = a.getTitle().replace(" bets on ", "|").replace(" in talks over stake in ", "|");
            perHeadline.merge(deal, 1, Integer::sum);
            sources.add(a.getSource());
        }
        assertThat(perHeadline.size()).as("distinct deals").isGreaterThan(200);
        assertThat(perHeadline.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("the hottest story").isGreaterThan(50);
        assertThat(sources).hasSizeGreaterThan(40);
    }

    @Test
    void theExtractorFindsFiguresInMostArticles() {
        ArticleGenerator g = ArticleGenerator.forArticles(11, 500);
        int withClaims = 0, claims = 0;
        for (long i = 0; i < 200; i++) {
            List<Claim> found = extractor.extract(AvroMapping.toDomain(g.article(i)));
            if (!found.isEmpty()) withClaims++;
            claims += found.size();
        }
        assertThat(withClaims).isGreaterThan(180);
        assertThat(claims / 200.0).isGreaterThan(2.0);
    }

    @Test
    void movingArticlesOpenNewKeysWithExactFigures() {
        ArticleGenerator g = ArticleGenerator.forArticles(11, 500);
        Set<String> keys = new HashSet<>();
        for (long i = 0; i < 50; i++) {
            ArticleText t = AvroMapping.toDomain(g.moving(i));
            List<Claim> found = extractor.extract(t);
            assertThat(found).as("moving article %d", i).isNotEmpty();
            for (Claim c : found) assertThat(keys.add(c.key() + "@" + i) && keys.stream()
                    .noneMatch(k -> k.startsWith(c.key() + "@") && !k.endsWith("@" + t.id().substring(1))))
                    .as("key %s is new to article %d", c.key(), i).isTrue();
        }
    }
}
