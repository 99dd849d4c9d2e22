package io.claimstream.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles this ingest has published, as id and content hash, kept in an append-only file so that a restart
 * does not publish them again. An id is written only after the broker acknowledged its article: a crash loses at
 * most the knowledge of a send, never the send itself, and the cost is one harmless re-publication.
 *
 * <p>The newest {@link #KEEP} articles are remembered (the file is compacted when it holds twice that): a story
 * older than that coming round again is published again, which the topology absorbs (same id and text, same claims).
 */
public final class SeenSet implements AutoCloseable {
    static final int KEEP = 1_000_000;

    private final int keep;
    private final Map<String, String> hashById = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > keep;
        }
    };
    private final BufferedWriter out;

    public SeenSet(Path file) {
        this(file, KEEP);
    }

    SeenSet(Path file, int keep) {
        this.keep = keep;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    int tab = line.lastIndexOf('\t');
                    // A torn last line from a crash mid-write is ignored: that article is simply published again.
                    if (tab > 0 && line.length() - tab - 1 == 64) {
                        String id = line.substring(0, tab);
                        hashById.remove(id); // re-inserted as the newest
                        hashById.put(id, line.substring(tab + 1));
                    }
                }
                if (lines.size() > 2L * keep) {
                    List<String> compacted = new ArrayList<>(hashById.size());
                    hashById.forEach((id, hash) -> compacted.add(id + '\t' + hash));
                    Files.write(file, compacted, StandardCharsets.UTF_8);
                }
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the seen-set " + file, e);
        }
    }

    /** In memory only: for tests and one-off runs that keep nothing. */
    public static SeenSet inMemory() {
        return new SeenSet();
    }

    private SeenSet() {
        keep = KEEP;
        out = null;
    }

    public synchronized boolean containsId(String id) {
        return hashById.containsKey(id);
    }

    /** True when this very text was published under this id. */
    public synchronized boolean contains(String id, String contentHash) {
        return contentHash.equals(hashById.get(id));
    }

    public synchronized void add(String id, String contentHash) {
        if (contentHash.equals(hashById.remove(id))) {
            hashById.put(id, contentHash);
            return;
        }
        hashById.put(id, contentHash);
        if (out == null) return;
        try {
            // Ids are URLs or file names and hold no tab or newline; replace them defensively all the same.
            out.write(id.replaceAll("[\\t\\r\\n]", " ") + '\t' + contentHash + '\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the seen-set", e);
        }
    }

    public synchronized int size() {
        return hashById.size();
    }

    @Override
    public synchronized void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
