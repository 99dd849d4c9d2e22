package io.claimstream.ingest;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class CanonicalUrlTest {
    @Test
    void trackingParametersFragmentAndCaseDoNotMakeANewStory() {
        assertThat(CanonicalUrl.of("HTTPS://WWW.Example.COM:443/News/Deal?id=7&utm_source=x&UTM_Medium=y&fbclid=z&gclid=q#comments"))
                .contains("https://www.example.com/News/Deal?id=7");
        assertThat(CanonicalUrl.of("http://example.com")).contains("http://example.com/");
        assertThat(CanonicalUrl.of("http://example.com:8080/a?utm_campaign=1")).contains("http://example.com:8080/a");
    }

    @Test
    void meaningfulParametersKeepTheirOrder() {
        assertThat(CanonicalUrl.of("https://example.com/story?b=2&a=1&mc_cid=abc")).contains("https://example.com/story?b=2&a=1");
    }

    @Test
    void anythingButAbsoluteHttpIsNotAUrlId() {
        assertThat(CanonicalUrl.of("file:///etc/passwd")).isEmpty();
        assertThat(CanonicalUrl.of("/relative/path")).isEmpty();
        assertThat(CanonicalUrl.of("not a url at all")).isEmpty();
        assertThat(CanonicalUrl.of(null)).isEmpty();
    }

    @Test
    void withoutAUrlTheIdIsTheTextHashWhateverTheWrapping() {
        String a = ArticleIds.of(null, "Acme agreed to buy Widget\nfor $2 billion.");
        String b = ArticleIds.of("", "  Acme agreed to buy Widget for  $2 billion. ");
        assertThat(a).startsWith("sha256:").isEqualTo(b);
        assertThat(ArticleIds.of(null, "Acme agreed to buy Widget for $3 billion.")).isNotEqualTo(a);
    }
}
