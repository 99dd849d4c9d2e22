package io.claimstream.testing;

/** Small RSS and Atom documents for tests. */
public final class Feeds {
    private Feeds() {}

    /** One RSS item: link, title, publication date (RFC 822) and description. */
    public record Item(String link, String title, String pubDate, String description) {}

    public static String rss(String title, Item... items) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                .append(title).append("</title><link>http://example.test/</link><description>test</description>\n");
        for (Item i : items) {
            s.append("<item><title>").append(i.title()).append("</title><link>").append(i.link().replace("&", "&amp;"))
                    .append("</link><pubDate>").append(i.pubDate()).append("</pubDate><description>")
                    .append(i.description() == null ? "" : i.description().replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</description></item>\n");
        }
        return s.append("</channel></rss>\n").toString();
    }

    public static String page(String title, String paragraph) {
        return "<!doctype html><html><head><title>" + title + "</title><meta property=\"og:site_name\" content=\"Wire Test\"></head>"
                + "<body><nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + paragraph + "</p></article>"
                + "<footer>Copyright Wire Test. Subscribe to our newsletter.</footer></body></html>";
    }
}
