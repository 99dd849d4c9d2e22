package io.claimstream.ingest;

import io.claimstream.avro.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The watched directory, JSON lines on standard input, and what the sink does with repeats and failed sends. */
class LocalSourcesTest {
    private final List<Article> published = new CopyOnWriteArrayList<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final IngestSink sink = new IngestSink(SeenSet.inMemory(), a -> {
        published.add(a);
        return CompletableFuture.completedFuture(null);
    }, reports::add);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void aWatchedFileIsPublishedOnceItHoldsStillAndAgainOnlyWhenItsTextChanges(@TempDir Path dir) throws Exception {
        DirectoryWatcher watcher = new DirectoryWatcher(dir, sink);
        Path file = dir.resolve("deal.txt");
        Files.writeString(file, "Acme Corp. agreed to buy Widget Inc. for $2 billion.");
        Files.writeString(dir.resolve("notes.md"), "not an article file");

        watcher.scan(true); // first sight: it may still be being written
        assertThat(published).isEmpty();
        watcher.scan(true);
        assertThat(published).extracting(Article::getId).containsExactly("deal.txt");
        watcher.scan(true);
        assertThat(published).hasSize(1);

        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-23T07:00:00Z"))); // touched, same text
        watcher.scan(true);
        watcher.scan(true);
        assertThat(published).hasSize(1);
        assertThat(sink.stats().skipped("already published")).isEqualTo(1);

        Files.writeString(file, "Acme Corp. agreed to buy Widget Inc. for $2.4 billion.");
        watcher.scan(true);
        watcher.scan(true);
        assertThat(published).extracting(Article::getText).last().asString().contains("$2.4 billion");
    }

    @Test
    void aBrokenFileIsReportedOnceAndTheOthersArePublished(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-broken.json"), "{\"title\": \"no text\"");
        Files.writeString(dir.resolve("b-good.json"), "{\"url\": \"https://Example.com/deal?utm_source=x\", \"text\": \"Acme bought Widget.\"}");
        DirectoryWatcher watcher = new DirectoryWatcher(dir, sink);
        watcher.scan(false);
        watcher.scan(false);

        assertThat(published).extracting(Article::getId).containsExactly("https://example.com/deal");
        assertThat(reports).singleElement().asString().contains("a-broken.json");
        assertThat(sink.stats().skipped("bad file")).isEqualTo(1);
    }

    @Test
    void jsonLinesOnStdinGetIdsFromTheirUrlOrTextAndABadLineIsSkippedByNumber() throws Exception {
        String input = """
                {"url": "https://news.example/acme?fbclid=1", "source": "news.example", "text": "Acme Corp. agreed to buy Widget Inc. for $2 billion."}
                this is not json
                {"text": "A story without a link."}
                {"url": "https://NEWS.example/acme", "text": "Acme Corp. agreed to buy Widget Inc. for $2 billion."}
                {"title": "no text field"}
                """;
        List<String> rejected = new java.util.ArrayList<>();
        long lines = StdinLines.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), sink, clock, rejected::add);

        assertThat(lines).isEqualTo(5);
        assertThat(published).extracting(Article::getId)
                .containsExactly("https://news.example/acme", ArticleIds.of(null, "A story without a link."));
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).startsWith("skipped: stdin line 2:");
        assertThat(reports.get(1)).startsWith("skipped: stdin line 5:").contains("\"text\" is required");
        assertThat(sink.stats().skipped("already published")).isEqualTo(1);
        assertThat(rejected).containsExactly("this is not json", "{\"title\": \"no text field\"}");
    }

    @Test
    void anArticleTheBrokerNeverAcknowledgedIsUnsentAndNotMarkedSeen() {
        CompletableFuture<Object> outage = new CompletableFuture<>();
        SeenSet seen = SeenSet.inMemory();
        IngestSink failing = new IngestSink(seen, a -> outage, reports::add);
        Article a = Article.newBuilder().setId("https://example.com/a").setText("text").build();

        failing.offer(a, "test");
        assertThat(failing.unsent()).containsExactly(a); // in flight
        outage.completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s): 120000 ms has passed"));

        assertThat(failing.unsent()).containsExactly(a);
        assertThat(seen.containsId(a.getId())).isFalse();
        assertThat(failing.stats().unsentCount()).isEqualTo(1);
        assertThat(reports).singleElement().asString().contains("not published https://example.com/a").contains("120000 ms");
    }

    @Test
    void anArticleDatedInTheFutureIsDatedNow() {
        IngestSink atSix = new IngestSink(SeenSet.inMemory(), a -> {
            published.add(a);
            return CompletableFuture.completedFuture(null);
        }, reports::add, clock);
        atSix.offer(Article.newBuilder().setId("a").setText("t").setPublished(Instant.parse("2026-11-23T09:00:00Z")).build(), "feed");
        atSix.offer(Article.newBuilder().setId("b").setText("t").setPublished(Instant.parse("2026-11-23T05:00:00Z")).build(), "feed");
        assertThat(published).extracting(Article::getPublished)
                .containsExactly(Instant.parse("2026-11-23T06:00:00Z"), Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(reports).singleElement().asString().contains("in the future");
    }

    @Test
    void unsentArticlesRoundTripThroughTheirJsonLine() throws Exception {
        Article a = Article.newBuilder().setId("https://example.com/a").setUrl("https://example.com/a").setSource("example.com")
                .setTitle("T").setPublished(Instant.parse("2026-11-23T05:00:00Z")).setText("Line one.\nLine \"two\".").build();
        Article back = ArticleJson.parse(ArticleJson.toJson(a), clock.instant());
        back.setFetched(null);
        assertThat(back).isEqualTo(a);
    }

    @Test
    void ingestPropertiesAreRead() {
        var p = new java.util.Properties();
        p.setProperty("ingest.feeds", "https://a.example/rss, https://b.example/atom");
        p.setProperty("ingest.poll.interval", "90s");
        p.setProperty("ingest.fetch.max.bytes", "2MB");
        p.setProperty("ingest.watch.dir", "inbox");
        IngestConfig c = IngestConfig.fromProperties(p);
        assertThat(c.feeds()).hasSize(2);
        assertThat(c.pollInterval()).hasSeconds(90);
        assertThat(c.limits().maxBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(c.watchDir()).isEqualTo(Path.of("inbox"));

        p.setProperty("ingest.feeds", "ftp://nope.example/feed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IngestConfig.fromProperties(p))
                .hasMessageContaining("not an http(s) feed URL: ftp://nope.example/feed");
        p.setProperty("ingest.feeds", "");
        p.setProperty("ingest.poll.interval", "soon");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IngestConfig.fromProperties(p))
                .hasMessageContaining("ingest.poll.interval=soon");
    }
}
