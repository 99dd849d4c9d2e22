package io.claimstream.alert.deliver;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The ids of the alerts one sink accepted, in an append-only file. With offsets committed only after every sink
 * accepted, a restart re-reads at most the alerts after the last commit; this log keeps a sink that had already
 * accepted one of those from getting it twice (the console and the log file, which have no idempotency key).
 * The newest {@link #KEEP} ids are kept: far more than can lie between two commits.
 */
public final class DeliveredLog implements AutoCloseable {
    static final int KEEP = 100_000;

    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private final BufferedWriter out;

    public DeliveredLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) if (!line.isBlank()) ids.add(line.strip());
                trim();
                if (lines.size() > 2 * KEEP) Files.write(file, new ArrayList<>(ids), StandardCharsets.UTF_8); // compact
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the delivered-alerts log " + file, e);
        }
    }

    public synchronized boolean contains(String id) {
        return ids.contains(id);
    }

    public synchronized void add(String id) {
        if (!ids.add(id)) return;
        trim();
        try {
            out.write(id);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the delivered-alerts log", e);
        }
    }

    private void trim() {
        var it = ids.iterator();
        while (ids.size() > KEEP && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
