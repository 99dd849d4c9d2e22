package io.claimstream.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Article;

import java.io.IOException;
import java.time.Instant;

/**
 * Articles as one JSON object, the format of {@code .json} article files: read from standard input a line at a
 * time, and written for articles that could not be sent, so they can be sent later.
 */
public final class ArticleJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleJson() {}

    /**
     * An article from one JSON object. Its id is the {@code id} given, else the canonical {@code url}, else a hash
     * of the text: the same story sent twice gets the same id.
     */
    public static Article parse(String json, Instant fetched) throws IOException {
        Article a = ArticleFiles.fromJson("input", json, fetched);
        boolean idGiven = JSON.readTree(json).hasNonNull("id");
        if (!idGiven) a.setId(ArticleIds.of(a.getUrl(), a.getText()));
        if (a.getUrl() != null) a.setUrl(CanonicalUrl.of(a.getUrl()).orElse(a.getUrl()));
        return a;
    }

    public static String toJson(Article a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.getId());
        if (a.getUrl() != null) o.put("url", a.getUrl());
        if (a.getSource() != null) o.put("source", a.getSource());
        if (a.getTitle() != null) o.put("title", a.getTitle());
        if (a.getPublished() != null) o.put("published", a.getPublished().toString());
        if (a.getLanguage() != null) o.put("language", a.getLanguage());
        o.put("text", a.getText());
        return o.toString();
    }
}
