package io.claimstream.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.claimstream.avro.Article;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * Polls one RSS or Atom feed: a conditional GET (ETag, Last-Modified), then each item not yet published becomes an
 * article, with the full text of its page when it can be fetched and the feed's own text otherwise. A feed that
 * fails is reported and polled again next time; one bad item never stops the others.
 */
public final class FeedPoller {
    /** What one poll did. */
    public record Poll(URI feed, boolean notModified, int items, int offered, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final URI feed;
    private final Fetcher fetcher;
    private final IngestSink sink;
    private final boolean fetchPages;
    private final Clock clock;
    private Fetcher.Validators validators = Fetcher.Validators.NONE;
    private String lastError;

    public FeedPoller(URI feed, Fetcher fetcher, IngestSink sink, boolean fetchPages, Clock clock) {
        this.feed = feed;
        this.fetcher = fetcher;
        this.sink = sink;
        this.fetchPages = fetchPages;
        this.clock = clock;
    }

    public URI feed() {
        return feed;
    }

    /** One poll; never throws for anything the feed's server does. */
    public synchronized Poll poll() {
        SyndFeed parsed;
        try {
            // While an article is unsent, feeds are fetched whole so that its item is offered again.
            Fetcher.Response r = fetcher.get(feed, sink.hasUnsent() ? Fetcher.Validators.NONE : validators, FeedReader::isFeedType, FeedReader.ACCEPT);
            if (r.notModified()) return new Poll(feed, true, 0, 0, null);
            parsed = FeedReader.parse(feed.toString(), r.body());
            // Remembered only once the feed parsed: a broken response must not make the next poll a silent 304.
            validators = r.validators();
        } catch (FetchException e) {
            // Counted every time, said once: a feed that stays broken must not fill the terminal at every poll.
            sink.skip(reason(e), e.getMessage().equals(lastError) ? null : e.getMessage() + " (polled again every interval)");
            lastError = e.getMessage();
            return new Poll(feed, false, 0, 0, e.getMessage());
        }
        if (lastError != null) sink.note(feed + ": readable again");
        lastError = null;
        int offered = 0;
        boolean retry = false;
        for (SyndEntry entry : parsed.getEntries()) {
            try {
                Outcome o = item(parsed, entry);
                if (o == Outcome.OFFERED) offered++;
                if (o == Outcome.TRY_AGAIN) retry = true;
            } catch (RuntimeException e) {
                sink.skip("bad item", feed + ": item " + entry.getLink() + ": " + e);
            }
        }
        // An item whose page could not be had is tried again at the next poll: no 304 may hide it until then.
        if (retry) validators = Fetcher.Validators.NONE;
        return new Poll(feed, false, parsed.getEntries().size(), offered, null);
    }

    private static String reason(FetchException e) {
        String m = e.getMessage();
        if (m.contains("DOCTYPE")) return "hostile feed";
        if (m.contains("malformed feed") || m.contains("unreadable feed")) return "malformed feed";
        if (m.contains("Content-Type")) return "not a feed";
        if (m.contains("exceeds the limit")) return "too large";
        if (m.contains("no complete response")) return "timed out";
        return "fetch failed";
    }

    private enum Outcome { OFFERED, SKIPPED, TRY_AGAIN }

    /** Offers one item to the sink, or says why not. */
    private Outcome item(SyndFeed parsed, SyndEntry entry) {
        String link = link(entry);
        String feedText = feedText(entry);
        String id = ArticleIds.of(link, feedText);
        if (sink.alreadyPublished(id)) {
            sink.skip("already published", null);
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        Instant published = time(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        Article article = null;
        if (fetchPages && CanonicalUrl.of(link).isPresent()) {
            try {
                Fetcher.Response page = fetcher.get(URI.create(link.strip()), Fetcher.Validators.NONE, FeedPoller::isPageType,
                        "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5");
                article = fromPage(id, link, page, now);
            } catch (FetchException | IllegalArgumentException e) {
                if (feedText.isBlank()) {
                    sink.skip("page unavailable", feed + ": item " + link + ": " + e.getMessage() + "; the feed has no text for it either; tried again next poll");
                    return Outcome.TRY_AGAIN;
                }
                sink.skip("page unavailable, feed text used", feed + ": item " + link + ": " + e.getMessage() + "; using the feed's text");
            }
        }
        if (article == null) {
            if (feedText.isBlank()) {
                sink.skip("no text", feed + ": item " + (link == null ? entry.getTitle() : link) + " has no text");
                return Outcome.SKIPPED;
            }
            article = Article.newBuilder().setId(id).setUrl(CanonicalUrl.of(link).orElse(null)).setText(feedText).setFetched(now).build();
        }
        if (article.getText().isBlank()) {
            sink.skip("no text", feed + ": item " + link + ": the page has no main text");
            return Outcome.SKIPPED;
        }
        if (published != null) article.setPublished(published);
        if (article.getTitle() == null && entry.getTitle() != null) article.setTitle(entry.getTitle().strip());
        if (article.getSource() == null) article.setSource(sourceOf(link, parsed));
        sink.offer(article, feed.toString());
        return Outcome.OFFERED;
    }

    static boolean isPageType(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml") || mediaType.equals("text/plain");
    }

    private static Article fromPage(String id, String link, Fetcher.Response page, Instant now) throws FetchException {
        String url = CanonicalUrl.of(link).orElse(link);
        Charset declared = charset(page);
        if ("text/plain".equals(page.contentType())) {
            String text = new String(page.body(), declared == null ? StandardCharsets.UTF_8 : declared);
            return Article.newBuilder().setId(id).setUrl(url).setText(text.strip()).setFetched(now).build();
        }
        String html;
        try {
            // Without a charset in the header, jsoup reads the page's own <meta charset> (or a BOM), else UTF-8.
            html = Jsoup.parse(new ByteArrayInputStream(page.body()), declared == null ? null : declared.name(), url).outerHtml();
        } catch (IOException e) {
            throw new FetchException(link + ": unreadable page: " + e.getMessage(), e);
        }
        Article a = HtmlArticle.parse(id, html, url, now);
        a.setId(id);
        return a;
    }

    private static Charset charset(Fetcher.Response page) {
        try {
            return page.charset() == null ? null : Charset.forName(page.charset());
        } catch (IllegalArgumentException unknown) {
            return null; // an unknown charset name: let the page's own declaration decide
        }
    }

    /** The item's link, resolved against the feed's URL when it is relative (some feeds write "/2026/11/story"). */
    private String link(SyndEntry entry) {
        String link = null;
        if (entry.getLink() != null && !entry.getLink().isBlank()) link = entry.getLink().strip();
        else if (entry.getLinks() != null && !entry.getLinks().isEmpty()) link = entry.getLinks().get(0).getHref();
        else if (entry.getUri() != null && entry.getUri().toLowerCase(Locale.ROOT).startsWith("http")) link = entry.getUri();
        if (link == null) return null;
        try {
            return feed.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    /** The item's own text, markup removed: Atom content, else RSS description. */
    private static String feedText(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        if (entry.getContents() != null) for (SyndContent c : entry.getContents()) if (c.getValue() != null) html.append(c.getValue()).append('\n');
        if (html.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            html.append(entry.getDescription().getValue());
        }
        return Jsoup.parse(html.toString()).text().strip();
    }

    private static String sourceOf(String link, SyndFeed parsed) {
        try {
            String host = link == null ? null : URI.create(link.strip()).getHost();
            if (host != null) return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException ignored) {
            // fall through to the feed's title
        }
        return parsed.getTitle() == null ? null : parsed.getTitle().strip();
    }

    private static Instant time(Date d) {
        return d == null ? null : d.toInstant();
    }
}
