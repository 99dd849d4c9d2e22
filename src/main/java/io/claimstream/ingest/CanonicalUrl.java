package io.claimstream.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical form of an article URL, so that one story reached through a newsletter link, a social share and
 * the feed gets one article id: scheme and host lower-cased, default port and fragment dropped, tracking
 * parameters removed, the remaining parameters kept in their order.
 */
public final class CanonicalUrl {
    /** Parameters that say how a reader arrived, never which page they read. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmi", "mkt_tok", "cmpid", "ocid", "ncid", "sr_share", "smid", "ref_src", "ref_url");

    private CanonicalUrl() {}

    /** The canonical form, or empty when {@code url} is not an absolute http(s) URL. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) return Optional.empty();
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) out.append(':').append(port);
        out.append(path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) out.append('?').append(query);
        return Optional.of(out.toString());
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) continue;
            kept.add(pair);
        }
        return String.join("&", kept);
    }
}
