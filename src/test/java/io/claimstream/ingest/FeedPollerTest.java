package io.claimstream.ingest;

import io.claimstream.avro.Article;
import io.claimstream.testing.Feeds;
import io.claimstream.testing.Feeds.Item;
import io.claimstream.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds and pages served from localhost: what gets published, what is refused and why. */
class FeedPollerTest {
    private static final String DEAL_1 = "Acme Corp. agreed to buy Widget Inc. for $2 billion.";
    private static final String DEAL_2 = "Acme Corp. raised its offer for Widget Inc. to $2.4 billion.";
    /** A small byte limit so the oversized cases are cheap; time limits generous, for machines busy with other builds. */
    private static final FetchLimits LIMITS = new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(15), 64 * 1024, 3);
    /** For the stalled servers only: they are cut off after a second rather than fifteen. */
    private static final FetchLimits IMPATIENT = new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(1), 64 * 1024, 3);

    private LocalHttpServer http;
    private final List<Article> published = new CopyOnWriteArrayList<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private IngestSink sink;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        http = new LocalHttpServer();
        sink = new IngestSink(SeenSet.inMemory(), a -> {
            published.add(a);
            return CompletableFuture.completedFuture(null);
        }, reports::add);
        fetcher = new Fetcher(LIMITS);
    }

    @AfterEach
    void stop() {
        release.countDown();
        http.close();
    }

    private FeedPoller poller(String path) {
        return poller(path, fetcher);
    }

    private FeedPoller poller(String path, Fetcher with) {
        return new FeedPoller(http.uri(path), with, sink, true, Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC));
    }

    private Item item(String path, String title, String date) {
        return new Item(http.uri(path) + "?utm_source=rss&utm_medium=feed", title, date, "summary of " + title);
    }

    @Test
    void aFeedThatUpdatesBetweenPollsPublishesOnlyTheNewItems() {
        http.serve("/deal-1", "text/html; charset=utf-8", Feeds.page("Acme to buy Widget", DEAL_1));
        http.serve("/deal-2", "text/html; charset=utf-8", Feeds.page("Acme raises Widget offer", DEAL_2));
        Item first = item("/deal-1", "Acme to buy Widget", "Mon, 23 Nov 2026 05:00:00 GMT");
        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", first));
        FeedPoller poller = poller("/feed");

        assertThat(poller.poll().failed()).isFalse();
        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo(http.uri("/deal-1").toString()); // tracking parameters gone
            assertThat(a.getText()).isEqualTo("Acme to buy Widget\n" + DEAL_1); // nav and footer gone
            assertThat(a.getSource()).isEqualTo("Wire Test");
            assertThat(a.getPublished()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        });

        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire",
                item("/deal-2", "Acme raises Widget offer", "Mon, 23 Nov 2026 06:00:00 GMT"), first));
        poller.poll();

        assertThat(published).extracting(Article::getText).containsExactly("Acme to buy Widget\n" + DEAL_1, "Acme raises Widget offer\n" + DEAL_2);
        assertThat(http.requests("/deal-1")).hasSize(1); // a published item's page is not fetched again
        assertThat(sink.stats().skipped("already published")).isEqualTo(1);
    }

    @Test
    void anUnchangedFeedIsAnsweredBy304AndPublishesNothing() {
        http.serve("/deal-1", "text/html", Feeds.page("Acme to buy Widget", DEAL_1));
        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", item("/deal-1", "Acme to buy Widget", "Mon, 23 Nov 2026 05:00:00 GMT")));
        FeedPoller poller = poller("/feed");
        poller.poll();
        published.clear();

        FeedPoller.Poll again = poller.poll();

        assertThat(again.notModified()).isTrue();
        assertThat(published).isEmpty();
        assertThat(http.requests("/feed").get(1).header("If-None-Match")).isNotNull();
        assertThat(http.requests("/deal-1")).hasSize(1);
    }

    @Test
    void lastModifiedIsSentBackWhenThereIsNoETag() {
        String modified = "Mon, 23 Nov 2026 05:00:00 GMT";
        http.on("/feed", ex -> {
            if (modified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("Last-Modified", modified);
            LocalHttpServer.send(ex, 200, "application/rss+xml", Feeds.rss("Wire"));
        });
        FeedPoller poller = poller("/feed");
        poller.poll();
        assertThat(poller.poll().notModified()).isTrue();
    }

    @Test
    void anAtomFeedIsReadToo() {
        http.serve("/story", "text/html", Feeds.page("Story", DEAL_1));
        String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title>"
                + "<id>urn:x</id><updated>2026-11-23T05:00:00Z</updated><entry><title>Story</title><id>urn:1</id>"
                + "<link href=\"" + http.uri("/story") + "\"/><updated>2026-11-23T05:00:00Z</updated></entry></feed>";
        http.serve("/atom", "application/atom+xml", atom);
        poller("/atom").poll();
        assertThat(published).singleElement().satisfies(a -> assertThat(a.getText()).contains(DEAL_1));
    }

    @Test
    void externalEntitiesAreRefusedAndTheOtherFeedsGoOn() {
        http.serve("/xxe", "application/rss+xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>x</title><description>&xxe;</description></item></channel></rss>");
        FeedPoller.Poll bad = poller("/xxe").poll();

        assertThat(bad.error()).contains("/xxe").contains("DOCTYPE");
        assertThat(published).isEmpty();
        assertGoodFeedStillPublishes();
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) laughs.append("&lol").append(i - 1).append(';');
            laughs.append("\">");
        }
        laughs.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        http.serve("/laughs", "text/xml", laughs.toString());

        assertThat(poller("/laughs").poll().error()).contains("DOCTYPE");
        assertThat(published).isEmpty();
        assertGoodFeedStillPublishes();
    }

    @Test
    void anOversizedFeedIsCutOffWhileStreaming() {
        http.on("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it by
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>".getBytes(StandardCharsets.UTF_8));
                byte[] filler = "<item><title>padding padding padding</title></item>\n".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000; i++) out.write(filler);
            } catch (java.io.IOException clientHungUp) {
                // expected: the client stops reading at the limit
            }
        });
        assertThat(poller("/huge").poll().error()).contains("/huge").contains("exceeds the limit of 65536 bytes");
        assertThat(sink.stats().skipped("too large")).isEqualTo(1);
        assertGoodFeedStillPublishes();
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeReading() {
        http.on("/declared", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 10_000_000);
            try {
                ex.getResponseBody().write(new byte[1024]);
            } catch (java.io.IOException clientHungUp) {
                // expected
            }
        });
        assertThat(poller("/declared").poll().error()).contains("10000000 bytes exceeds the limit");
    }

    @Test
    void aSlowServerIsCutOffAtTheTimeLimit() {
        http.on("/slow", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("<?xml version=\"1.0\"?><rss version=\"2.0\">".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                release.await(60, TimeUnit.SECONDS); // trickles nothing more until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(poller("/slow", new Fetcher(IMPATIENT)).poll().error()).contains("/slow").contains("no complete response within 1.0 s");
        assertThat(sink.stats().skipped("timed out")).isEqualTo(1);
        assertGoodFeedStillPublishes();
    }

    @Test
    void aServerThatNeverAnswersIsCutOffToo() {
        http.on("/silent", ex -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(poller("/silent", new Fetcher(IMPATIENT)).poll().error()).contains("no complete response");
    }

    @Test
    void aNonXmlBodyIsRefusedByItsContentTypeOrAsMalformed() {
        http.serve("/json", "application/json", "{\"items\": []}");
        http.serve("/html", "text/html", "<html><body>not a feed</body></html>");
        http.serve("/garbage", "text/xml", "this is not xml at all");

        assertThat(poller("/json").poll().error()).contains("/json: refused Content-Type application/json");
        assertThat(poller("/html").poll().error()).contains("refused Content-Type text/html");
        assertThat(poller("/garbage").poll().error()).contains("/garbage: malformed feed");
        assertThat(sink.stats().skipped("not a feed")).isEqualTo(2);
        assertThat(sink.stats().skipped("malformed feed")).isEqualTo(1);
        assertGoodFeedStillPublishes();
    }

    @Test
    void aFailedPollLeavesTheFeedPolledAndRecoversWhenItIsFixed() {
        http.serve("/flaky", "text/xml", "<rss><channel><title>broken");
        FeedPoller poller = poller("/flaky");
        assertThat(poller.poll().failed()).isTrue();

        http.serve("/deal-1", "text/html", Feeds.page("Acme to buy Widget", DEAL_1));
        http.serve("/flaky", "application/rss+xml", Feeds.rss("Wire", item("/deal-1", "Acme to buy Widget", "Mon, 23 Nov 2026 05:00:00 GMT")));
        assertThat(poller.poll().failed()).isFalse();
        assertThat(published).hasSize(1);
    }

    @Test
    void aFeedThatStaysBrokenIsCountedAtEveryPollButReportedOnce() {
        http.serve("/broken", "application/json", "{}");
        FeedPoller poller = poller("/broken");
        poller.poll();
        poller.poll();
        assertThat(sink.stats().skipped("not a feed")).isEqualTo(2);
        assertThat(reports).singleElement().asString().contains("refused Content-Type application/json");

        http.serve("/broken", "application/rss+xml", Feeds.rss("Wire"));
        poller.poll();
        assertThat(reports).last().asString().endsWith("/broken: readable again");
    }

    @Test
    void anItemWhosePageFailedIsTriedAgainAtTheNextPollThoughTheFeedIsUnchanged() {
        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", new Item(http.uri("/flaky-page").toString(), "t", "Mon, 23 Nov 2026 05:00:00 GMT", null)));
        http.serve("/flaky-page", "application/octet-stream", "nope");
        FeedPoller poller = poller("/feed");
        poller.poll();
        assertThat(published).isEmpty();

        http.serve("/flaky-page", "text/html", Feeds.page("Back", DEAL_1));
        assertThat(poller.poll().notModified()).isFalse();
        assertThat(published).singleElement().satisfies(a -> assertThat(a.getText()).contains(DEAL_1));
        assertThat(poller.poll().notModified()).isTrue(); // and conditional again once nothing is pending
    }

    @Test
    void whileAnArticleIsUnsentFeedsAreFetchedWholeSoItIsOfferedAgain() {
        java.util.concurrent.atomic.AtomicBoolean brokerUp = new java.util.concurrent.atomic.AtomicBoolean(false);
        IngestSink flaky = new IngestSink(SeenSet.inMemory(), a -> {
            if (!brokerUp.get()) return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("broker down"));
            published.add(a);
            return CompletableFuture.completedFuture(null);
        }, reports::add);
        http.serve("/deal-1", "text/html", Feeds.page("Acme to buy Widget", DEAL_1));
        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", item("/deal-1", "t", "Mon, 23 Nov 2026 05:00:00 GMT")));
        FeedPoller poller = new FeedPoller(http.uri("/feed"), fetcher, flaky, true, Clock.systemUTC());
        poller.poll();
        assertThat(flaky.hasUnsent()).isTrue();

        brokerUp.set(true);
        assertThat(poller.poll().notModified()).isFalse();
        assertThat(published).hasSize(1);
        assertThat(flaky.hasUnsent()).isFalse();
        assertThat(flaky.stats().summary()).isEqualTo("published 1, skipped 0, unsent 0");
        assertThat(poller.poll().notModified()).isTrue();
    }

    @Test
    void redirectsAreFollowedButBounded() {
        http.serve("/real-feed", "application/rss+xml", Feeds.rss("Wire"));
        http.on("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/real-feed");
            ex.sendResponseHeaders(301, -1);
        });
        http.on("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
        });
        http.on("/to-file", ex -> {
            ex.getResponseHeaders().set("Location", "file:///etc/passwd");
            ex.sendResponseHeaders(302, -1);
        });

        assertThat(poller("/moved").poll().failed()).isFalse();
        assertThat(poller("/loop").poll().error()).contains("more than 3 redirects");
        assertThat(poller("/to-file").poll().error()).contains("not http(s)");
    }

    @Test
    void anItemWhosePageIsNotTextFallsBackToTheFeedText() {
        http.serve("/image", "image/png", "\u0089PNG");
        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire", new Item(http.uri("/image").toString(), "Deal", "Mon, 23 Nov 2026 05:00:00 GMT", DEAL_1)));
        poller("/feed").poll();
        assertThat(published).singleElement().satisfies(a -> assertThat(a.getText()).isEqualTo(DEAL_1));
        assertThat(reports).anySatisfy(r -> assertThat(r).contains("refused Content-Type image/png").contains("using the feed's text"));
    }

    @Test
    void aPageIsDecodedInTheCharsetItsHeaderOrItsMetaTagNames() {
        byte[] latin1 = ("<html><head><meta charset=\"iso-8859-1\"><title>Zürich</title></head><body><article>"
                + "<p>Zürich Insurance agreed to buy Widget Inc. for $2 billion.</p></article></body></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        http.on("/meta", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, latin1.length);
            ex.getResponseBody().write(latin1);
        });
        http.on("/header", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=ISO-8859-1");
            ex.sendResponseHeaders(200, latin1.length);
            ex.getResponseBody().write(latin1);
        });
        String date = "Mon, 23 Nov 2026 05:00:00 GMT";
        http.serve("/feed", "application/rss+xml", Feeds.rss("Wire",
                new Item(http.uri("/meta").toString(), "t", date, null), new Item(http.uri("/header").toString(), "t", date, null)));
        poller("/feed").poll();
        assertThat(published).hasSize(2).allSatisfy(a -> assertThat(a.getText()).contains("Zürich Insurance").contains("$2 billion"));
    }

    @Test
    void aRelativeItemLinkIsResolvedAgainstTheFeed() {
        http.serve("/news/deal-1", "text/html", Feeds.page("Acme to buy Widget", DEAL_1));
        http.serve("/news/feed", "application/rss+xml", Feeds.rss("Wire", new Item("deal-1", "t", "Mon, 23 Nov 2026 05:00:00 GMT", null)));
        poller("/news/feed").poll();
        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo(http.uri("/news/deal-1").toString());
            assertThat(a.getText()).contains(DEAL_1);
        });
    }

    @Test
    void theSameStoryUnderTwoTrackingUrlsIsPublishedOnce() {
        http.serve("/deal-1", "text/html", Feeds.page("Acme to buy Widget", DEAL_1));
        String date = "Mon, 23 Nov 2026 05:00:00 GMT";
        http.serve("/a", "application/rss+xml", Feeds.rss("A", new Item(http.uri("/deal-1") + "?utm_campaign=x#top", "t", date, null)));
        http.serve("/b", "application/rss+xml", Feeds.rss("B", new Item(http.uri("/deal-1") + "?fbclid=abc", "t", date, null)));
        poller("/a").poll();
        poller("/b").poll();
        assertThat(published).hasSize(1);
    }

    /** A well-formed feed next to the broken one still publishes: one bad feed never stops the others. */
    private void assertGoodFeedStillPublishes() {
        http.serve("/good-page", "text/html", Feeds.page("Good", DEAL_1));
        http.serve("/good", "application/rss+xml", Feeds.rss("Good", item("/good-page", "Good", "Mon, 23 Nov 2026 05:00:00 GMT")));
        int before = published.size();
        assertThat(poller("/good").poll().failed()).isFalse();
        assertThat(published).hasSize(before + 1);
    }
}
