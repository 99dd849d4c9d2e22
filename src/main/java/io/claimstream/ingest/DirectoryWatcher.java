package io.claimstream.ingest;

import io.claimstream.avro.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Publishes the article files ({@code .txt}, {@code .json}, {@code .html}) that appear or change in a directory.
 * The directory is scanned rather than subscribed to: a file is read once its size and modification time held
 * still for one scan, so a file still being copied in is never read half-written, on every file system alike.
 * (Writing to a temporary name and renaming into the directory is faster still.)
 */
public final class DirectoryWatcher {
    private record Stamp(long size, long modified) {}

    private final Path dir;
    private final IngestSink sink;
    private final Map<Path, Stamp> lastSeen = new HashMap<>();
    private final Map<Path, Stamp> handled = new HashMap<>();

    public DirectoryWatcher(Path dir, IngestSink sink) {
        this.dir = dir;
        this.sink = sink;
    }

    public Path dir() {
        return dir;
    }

    /**
     * One scan.
     *
     * @param settled true to read files only once unchanged since the previous scan; false when nothing is writing
     *                into the directory (a one-off ingest)
     * @return how many files were handed on or reported this scan
     */
    public synchronized int scan(boolean settled) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("watch directory " + dir + " does not exist or is not a directory"));
        }
        int handedOn = 0;
        Set<Path> present = new HashSet<>();
        for (Path file : ArticleFiles.list(dir)) {
            present.add(file);
            Stamp now;
            try {
                now = new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException gone) {
                continue; // removed between listing and looking: nothing to publish
            }
            Stamp before = lastSeen.put(file, now);
            if (now.equals(handled.get(file))) continue;
            if (settled && !now.equals(before)) continue;
            handled.put(file, now);
            handedOn++;
            Article article;
            try {
                article = ArticleFiles.read(file);
            } catch (IOException | RuntimeException e) {
                sink.skip("bad file", file + ": " + e.getMessage());
                continue;
            }
            if (article.getText().isBlank()) {
                sink.skip("no text", file + " has no text");
                continue;
            }
            if (article.getUrl() != null) {
                String canonical = CanonicalUrl.of(article.getUrl()).orElse(null);
                // A file naming its URL is the same story as that URL read from a feed, unless it chose its own id.
                if (canonical != null && article.getId().equals(file.getFileName().toString())) article.setId(canonical);
            }
            sink.offer(article, file.toString());
        }
        lastSeen.keySet().retainAll(present);
        handled.keySet().retainAll(present);
        return handedOn;
    }
}
