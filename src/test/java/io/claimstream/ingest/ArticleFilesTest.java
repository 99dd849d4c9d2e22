package io.claimstream.ingest;

import io.claimstream.avro.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleFilesTest {
    @TempDir
    Path dir;

    @Test
    void textFileIsTheTextWithTheFileNameAsId() throws Exception {
        Path f = Files.writeString(dir.resolve("001_story.txt"), "Acme will buy Widget Co for $2 billion.");
        Article a = ArticleFiles.read(f);
        assertThat(a.getId()).isEqualTo("001_story.txt");
        assertThat(a.getText()).isEqualTo("Acme will buy Widget Co for $2 billion.");
        assertThat(a.getPublished()).isNull();
    }

    @Test
    void jsonFileCarriesItsFieldsAndOnlyTextIsRequired() throws Exception {
        Path full = Files.writeString(dir.resolve("a.json"), """
                {"id": "wire-42", "url": "https://news.example/acme", "source": "news.example",
                 "published": "2025-06-12T09:30:00+02:00", "title": "Acme buys Widget", "text": "Acme agreed to pay $2 billion."}
                """);
        Article a = ArticleFiles.read(full);
        assertThat(a.getId()).isEqualTo("wire-42");
        assertThat(a.getSource()).isEqualTo("news.example");
        assertThat(a.getPublished()).isEqualTo(Instant.parse("2025-06-12T07:30:00Z"));

        Path minimal = Files.writeString(dir.resolve("b.json"), "{\"text\": \"Only text.\", \"published\": \"2025-06-12\"}");
        Article b = ArticleFiles.read(minimal);
        assertThat(b.getId()).isEqualTo("b.json");
        assertThat(b.getPublished()).isEqualTo(Instant.parse("2025-06-12T00:00:00Z"));
    }

    @Test
    void jsonWithoutTextIsRefusedWithTheReason() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\"title\": \"no body\"}");
        assertThatThrownBy(() -> ArticleFiles.read(f)).isInstanceOf(IOException.class).hasMessageContaining("\"text\" is required");
    }

    @Test
    void htmlKeepsTheStoryAndDropsPageFurniture() throws Exception {
        Path f = Files.writeString(dir.resolve("page.html"), """
                <html><head><title>Acme buys Widget | News</title>
                <meta property="og:site_name" content="Example News">
                <meta property="article:published_time" content="2025-06-12T08:00:00Z">
                <link rel="canonical" href="https://news.example/acme-widget"></head>
                <body><nav><a href="/">Home</a> <a href="/markets">Markets MSFT -1.95%</a></nav>
                <header>Subscribe now</header>
                <article><h1>Acme buys Widget</h1>
                <p>Acme said on Thursday it would pay $2 billion for Widget.</p>
                <div class="share">Share on X</div>
                <p>The deal values Widget at about $2.4 billion including debt.</p></article>
                <footer>© 2025 Example News. Call 555-0100.</footer><script>var x = "$9 billion";</script></body></html>
                """);
        Article a = ArticleFiles.read(f);
        assertThat(a.getText()).contains("Acme said on Thursday it would pay $2 billion for Widget.")
                .contains("about $2.4 billion")
                .doesNotContain("Home").doesNotContain("MSFT").doesNotContain("Subscribe").doesNotContain("Share on")
                .doesNotContain("555-0100").doesNotContain("$9 billion");
        assertThat(a.getSource()).isEqualTo("Example News");
        assertThat(a.getUrl()).isEqualTo("https://news.example/acme-widget");
        assertThat(a.getPublished()).isEqualTo(Instant.parse("2025-06-12T08:00:00Z"));
    }

    @Test
    void listsOnlyArticleFilesInNameOrder() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("a.json"), "{\"text\":\"a\"}");
        Files.writeString(dir.resolve("notes.md"), "not an article");
        Files.createDirectory(dir.resolve("gold.txt.d"));
        assertThat(ArticleFiles.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("a.json", "b.txt");
    }
}
