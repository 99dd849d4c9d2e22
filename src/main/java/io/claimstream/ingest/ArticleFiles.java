package io.claimstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.avro.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads article files: {@code .txt} (the text; id = file name), {@code .json}
 * ({@code {"id","url","source","published","title","text"}}, all but text optional) and {@code .html}
 * (main text extracted, boilerplate dropped).
 */
public final class ArticleFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Article files larger than this are refused rather than read into memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private ArticleFiles() {}

    public static boolean isArticleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".html") || name.endsWith(".htm"));
    }

    /** The article files directly inside {@code dir}, in file-name order. */
    public static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ArticleFiles::isArticleFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static Article read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new IOException(file + " is " + size + " bytes; article files are limited to " + MAX_BYTES);
        String name = file.getFileName().toString();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String lower = name.toLowerCase(Locale.ROOT);
        Instant fetched = Files.getLastModifiedTime(file).toInstant();
        if (lower.endsWith(".json")) return fromJson(name, content, fetched);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) return HtmlArticle.parse(name, content, null, fetched);
        return Article.newBuilder().setId(name).setText(content).setFetched(fetched).build();
    }

    public static List<Article> readAll(List<Path> files) throws IOException {
        List<Article> out = new ArrayList<>(files.size());
        for (Path f : files) out.add(read(f));
        return out;
    }

    static Article fromJson(String fileName, String content, Instant fetched) throws IOException {
        JsonNode node = JSON.readTree(content);
        if (node == null || !node.isObject()) throw new IOException(fileName + ": expected a JSON object");
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) throw new IOException(fileName + ": \"text\" is required and must be a string");
        return Article.newBuilder()
                .setId(string(node, "id", fileName))
                .setUrl(string(node, "url", null))
                .setSource(string(node, "source", null))
                .setTitle(string(node, "title", null))
                .setPublished(parseTime(string(node, "published", null)))
                .setFetched(fetched)
                .setText(text.asText())
                .setLanguage(string(node, "language", null))
                .build();
    }

    private static String string(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** ISO-8601 date or date-time; a date alone is taken as its start in UTC. */
    public static Instant parseTime(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException notInstant) {
                try {
                    return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
            }
        }
    }
}
