package io.claimstream.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Parses RSS (0.9x, 1.0, 2.0) and Atom with ROME, refusing any DOCTYPE: that one rule shuts out external entities
 * (XXE) and entity expansion (billion laughs) alike, and real feeds do not need a DOCTYPE.
 */
public final class FeedReader {
    private FeedReader() {}

    /** Media types a feed may be served as; anything else (HTML, JSON, images) is refused before parsing. */
    public static boolean isFeedType(String mediaType) {
        return mediaType.endsWith("/xml") || mediaType.endsWith("+xml") || mediaType.equals("text/plain");
    }

    public static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8";

    public static SyndFeed parse(String where, byte[] body) throws FetchException {
        SyndFeedInput input = new SyndFeedInput();
        // ROME's default today, set here so that an upgrade changing it cannot silently reopen XXE.
        input.setAllowDoctypes(false);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), true)) {
            return input.build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.toLowerCase(Locale.ROOT).contains("doctype")) {
                throw new FetchException(where + ": refused: the feed declares a DOCTYPE (external entities and entity expansion are not allowed)", e);
            }
            throw new FetchException(where + ": malformed feed: " + firstLine(m), e);
        } catch (IOException e) {
            throw new FetchException(where + ": unreadable feed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String m) {
        if (m == null) return "no detail";
        String line = m.strip().split("\\R", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
