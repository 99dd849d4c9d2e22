package io.claimstream.stream;

import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.Evidence;
import io.claimstream.consensus.KeyHistory;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code consensus-history} store: every claim and retraction each key received, one entry per claim, next to
 * the {@code consensus} store that holds each key's standing. A key's history is long-lived and grows with its
 * coverage; kept inside the standing's value it was read, copied and written whole for every claim (and again for
 * the {@code consensus} topic). Kept here, an in-order claim appends one small entry, and the whole history is read
 * only when it matters: a late claim, a retraction, a redelivery, an audit.
 *
 * <p>Entry key: {@code <claim key> NUL <event time as 16 hex digits, order-preserving> NUL <16 hex digits of a
 * SHA-256 of the claim>}. The digest makes the entry key a function of the claim, so a redelivered claim lands on
 * its own entry; the event time keeps a key's entries in time order on disk; NUL, which no claim key contains,
 * keeps one key's entries together, apart from keys it prefixes ({@code x:revenue} vs {@code x:revenue:2024}).
 */
public final class ClaimHistoryStore {
    public static final String NAME = "consensus-history";

    private static final char SEPARATOR = '\u0000';

    private ClaimHistoryStore() {}

    /** The entry key of {@code claim} in {@code key}'s history. */
    static String entryKey(String key, Evidence claim) {
        // Flipping the sign bit orders negative event times before positive ones in hex, as numbers.
        String time = HexFormat.of().toHexDigits(claim.eventTime() ^ Long.MIN_VALUE);
        return key + SEPARATOR + time + SEPARATOR + digest(claim);
    }

    /** The claim key an entry belongs to (for readers of the store's changelog topic). */
    public static String keyOf(String entryKey) {
        int at = entryKey.indexOf(SEPARATOR);
        return at < 0 ? entryKey : entryKey.substring(0, at);
    }

    /** A key's history as stored: its claims in canonical order, each with the checkpoint of the replay after it. */
    public record Stored(KeyHistory history, List<ConsensusEngine.Checkpoint> checkpoints) {}

    /** {@code key}'s whole history, as stored. */
    public static KeyHistory load(ReadOnlyKeyValueStore<String, HistoryEntry> store, String key) {
        return loadWithCheckpoints(store, key).history();
    }

    /** {@code key}'s whole history with its checkpoints (entry keys order by event time only: sorted here). */
    public static Stored loadWithCheckpoints(ReadOnlyKeyValueStore<String, HistoryEntry> store, String key) {
        List<Map.Entry<Evidence, ConsensusEngine.Checkpoint>> entries = new ArrayList<>();
        try (KeyValueIterator<String, HistoryEntry> it = store.range(key + SEPARATOR, key + (char) (SEPARATOR + 1))) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    entries.add(Map.entry(AvroMapping.toEvidence(kv.value.getClaim()), AvroMapping.checkpoint(kv.value)));
                }
            });
        }
        entries.sort(Map.Entry.comparingByKey(Evidence.CANONICAL));
        List<Evidence> claims = new ArrayList<>(entries.size());
        List<ConsensusEngine.Checkpoint> checkpoints = new ArrayList<>(entries.size());
        for (var e : entries) {
            claims.add(e.getKey());
            checkpoints.add(e.getValue());
        }
        return new Stored(new KeyHistory(claims), checkpoints);
    }

    /** Sixteen hex digits of a SHA-256 over every component of the claim (a record's string names them all). */
    private static String digest(Evidence claim) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        byte[] hash = sha.digest(recordText(claim).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** One per stream thread: looking the algorithm up for every claim cost a tenth of the history's writing. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /**
     * What {@code Evidence.toString()} gives (the text the entry keys on disk were hashed from, so it must not
     * change), built directly: the record's own toString goes through a bootstrap method that cost a third of
     * writing a claim to the history. {@code ClaimHistoryStoreTest} holds the two equal.
     */
    static String recordText(Evidence e) {
        StringBuilder b = new StringBuilder(96 + e.evidence().length());
        b.append("Evidence[source=").append(e.source()).append(", articleId=").append(e.articleId())
                .append(", url=").append(e.url()).append(", value=").append(e.value())
                .append(", valueHigh=").append(e.valueHigh()).append(", bound=").append(e.bound())
                .append(", modality=").append(e.modality()).append(", derived=").append(e.derived())
                .append(", evidence=").append(e.evidence()).append(", start=").append(e.start())
                .append(", end=").append(e.end()).append(", eventTime=").append(e.eventTime())
                .append(", retracted=").append(e.retracted()).append(", revision=").append(e.revision())
                .append(", story=").append(e.story()).append(']');
        return b.toString();
    }
}
