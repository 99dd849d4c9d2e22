package io.claimstream.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what an ingest published and skipped, by reason; safe to update from several threads. */
public final class IngestStats {
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong();
    private final Map<String, Long> skipped = new TreeMap<>();

    void countPublished() {
        published.incrementAndGet();
    }

    void countUnsent() {
        unsent.incrementAndGet();
    }

    void countSentAfterAll() {
        unsent.decrementAndGet();
    }

    synchronized void countSkipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    public long published() {
        return published.get();
    }

    public long unsentCount() {
        return unsent.get();
    }

    public synchronized long skipped(String reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    public synchronized long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "published 3, skipped 5 (already published 4, malformed feed 1), unsent 0". */
    public synchronized String summary() {
        StringBuilder s = new StringBuilder("published ").append(published.get()).append(", skipped ").append(skippedTotal());
        if (!skipped.isEmpty()) {
            s.append(" (");
            skipped.forEach((reason, n) -> s.append(reason).append(' ').append(n).append(", "));
            s.setLength(s.length() - 2);
            s.append(')');
        }
        return s.append(", unsent ").append(unsent.get()).toString();
    }
}
