package io.claimstream.ingest;

import io.claimstream.avro.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An article page's main text and metadata. The text is the paragraphs of the page's main content block:
 * navigation, headers, footers, forms, scripts and asides are page furniture and never reach the extractor.
 */
public final class HtmlArticle {
    private static final String FURNITURE =
            "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figure figcaption, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .share, .social, .related, .newsletter, .advert, .ad";

    private HtmlArticle() {}

    /**
     * @param id  the article id to use; when null, the canonical URL if the page names one, else {@code fallbackId}
     */
    public static Article parse(String fallbackId, String html, String url, Instant fetched) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        String canonical = attr(doc, "link[rel=canonical]", "href");
        String pageUrl = url != null ? url : canonical;
        String title = firstNonBlank(meta(doc, "og:title"), doc.title());
        String source = firstNonBlank(meta(doc, "og:site_name"), host(pageUrl));
        Instant published = time(firstNonBlank(meta(doc, "article:published_time"), attr(doc, "time[datetime]", "datetime")));

        doc.select(FURNITURE).remove();
        Element main = mainBlock(doc);
        StringBuilder text = new StringBuilder();
        Elements blocks = main.select("h1, h2, h3, p, li, blockquote");
        for (Element block : blocks) {
            // Nested matches (a p inside an li) would repeat text.
            if (block.parents().stream().anyMatch(blocks::contains)) continue;
            String t = block.text().strip();
            if (!t.isEmpty()) text.append(t).append('\n');
        }
        if (text.isEmpty()) text.append(main.text());
        return Article.newBuilder()
                .setId(canonical != null && url == null ? canonical : fallbackId)
                .setUrl(pageUrl).setSource(source).setTitle(title)
                .setPublished(published).setFetched(fetched)
                .setText(text.toString().strip())
                .build();
    }

    /** The element most likely to hold the story: an {@code <article>} or {@code <main>}, else the block with most paragraph text. */
    static Element mainBlock(Document doc) {
        Element article = doc.selectFirst("article, main, [role=main], [itemprop=articleBody]");
        if (article != null) return article;
        Element best = doc.body() == null ? doc : doc.body();
        int bestLength = 0;
        for (Element candidate : doc.select("div, section")) {
            int length = 0;
            for (Element p : candidate.children()) if (p.tagName().equals("p")) length += p.text().length();
            if (length > bestLength) {
                bestLength = length;
                best = candidate;
            }
        }
        return best;
    }

    private static String meta(Document doc, String property) {
        String v = attr(doc, "meta[property=" + property + "]", "content");
        return v != null ? v : attr(doc, "meta[name=" + property + "]", "content");
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        if (e == null) return null;
        String v = e.attr(attr);
        return v.isBlank() ? null : v.strip();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b == null || b.isBlank() ? null : b);
    }

    private static String host(String url) {
        if (url == null) return null;
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? null : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant time(String s) {
        try {
            return ArticleFiles.parseTime(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
