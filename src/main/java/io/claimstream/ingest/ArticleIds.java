package io.claimstream.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids that do not depend on how or when an article was read: the canonical URL when there is one, else a
 * hash of the text. Publishing the same story twice then writes the same key, and the topology treats the second
 * copy as a re-publication of the first rather than a new source.
 */
public final class ArticleIds {
    private ArticleIds() {}

    /** The canonical URL if {@code url} is a usable http(s) URL, else {@code "sha256:"} and the text's hash prefix. */
    public static String of(String url, String text) {
        return CanonicalUrl.of(url).orElseGet(() -> "sha256:" + contentHash(text).substring(0, 32));
    }

    /**
     * A hash of the text with runs of whitespace collapsed, so a re-wrapped copy of the same text hashes the same.
     */
    public static String contentHash(String text) {
        String normalized = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
