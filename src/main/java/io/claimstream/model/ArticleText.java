package io.claimstream.model;

/**
 * An article as the pure domain sees it: no Kafka, no Avro.
 *
 * @param id        stable article id
 * @param source    the outlet (may be null: the extractor then uses the id)
 * @param url       where it was published, may be null
 * @param title     headline, may be null
 * @param published publication time in epoch millis, may be null
 * @param text      the body text
 */
public record ArticleText(String id, String source, String url, String title, Long published, String text) {
    public ArticleText {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("article id is required");
        if (text == null) throw new IllegalArgumentException("article " + id + " has no text");
    }

    /** The outlet to credit: the source when known, otherwise the article id. */
    public String sourceOrId() {
        return source == null || source.isBlank() ? id : source;
    }
}
