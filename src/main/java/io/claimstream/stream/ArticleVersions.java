package io.claimstream.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The versions of one article that {@link ExtractClaimsProcessor} has seen, and what a new version must forward so
 * that the claims and retractions on the wire are a function of the set of versions, not of their arrival order.
 *
 * <p>Versions are ordered by revision (the article's fetched time; 0 when absent), then by arrival among equal
 * revisions. A new version:
 * <ul>
 *   <li>whose content hash equals that of the nearest stored version with revision ≤ its own is a re-fetch (or a
 *       redelivery): nothing is forwarded and nothing stored;</li>
 *   <li>otherwise it is stored and forwards its claims; retractions at its own position for every key an earlier
 *       version claimed and it does not; and, for every stored later version, retractions at that later version's
 *       position for the keys it claims and that later version does not. A version arriving after a newer one thus
 *       leaves exactly the claims and retractions that arrival in revision order would have (some twice: the engine
 *       ignores a claim it already holds).</li>
 * </ul>
 * At most {@link #MAX_VERSIONS} versions are kept per article; beyond that the lowest revision is dropped (a version
 * older than every kept one then retracts nothing on behalf of the dropped ones).
 *
 * <p>Stored form (the {@code article-claim-keys} store's String value): a first line {@value #HEADER}, then one line
 * per version in order, its fields separated by tabs: revision, event time, content hash (hex), source, url, then
 * one field per claimed key. In strings {@code \} is written {@code \\}, a tab {@code \t}, a newline {@code \n},
 * and null is {@code \N}. A value without the header is the format before versions: the newline-separated keys of
 * the last version, read as one version of revision {@link Long#MIN_VALUE} with an unknown content hash.
 */
final class ArticleVersions {
    /** Versions kept per article. */
    static final int MAX_VERSIONS = 16;
    static final String HEADER = "#versions/2";
    /** The content hash of a version read from the old format: equal to no real hash. */
    static final long UNKNOWN_HASH = 0L;

    private ArticleVersions() {}

    /** One version: its position, who published it where, a hash of what its claims depend on, the keys it claimed. */
    record Version(long revision, long eventTime, String source, String url, long contentHash, List<String> keys) {
        Version {
            keys = List.copyOf(keys);
        }
    }

    /** A retraction of {@code key} at the position (and with the source and url) of version {@code at}. */
    record Retraction(String key, Version at) {}

    /** What to forward for a new version, and the versions to store. */
    record Plan(List<Version> versions, List<Retraction> ownRetractions, List<Retraction> laterRetractions) {}

    /** Whether a version of this revision and content hash is a re-fetch of the nearest stored one at or before it. */
    static boolean isRefetch(List<Version> stored, long revision, long contentHash) {
        Version nearest = null;
        for (Version v : stored) if (v.revision() <= revision) nearest = v;
        return nearest != null && contentHash != UNKNOWN_HASH && nearest.contentHash() == contentHash;
    }

    /** The new version's plan; null for a re-fetch (forward nothing, store nothing). */
    static Plan add(List<Version> stored, Version v) {
        if (isRefetch(stored, v.revision(), v.contentHash())) return null;
        int at = 0;
        while (at < stored.size() && stored.get(at).revision() <= v.revision()) at++;
        Set<String> claims = new LinkedHashSet<>(v.keys());
        Set<String> earlier = new LinkedHashSet<>();
        for (int i = 0; i < at; i++) earlier.addAll(stored.get(i).keys());
        List<Retraction> own = new ArrayList<>();
        for (String key : earlier) if (!claims.contains(key)) own.add(new Retraction(key, v));
        List<Retraction> later = new ArrayList<>();
        for (int i = at; i < stored.size(); i++) {
            Version next = stored.get(i);
            Set<String> kept = new java.util.HashSet<>(next.keys());
            for (String key : claims) if (!kept.contains(key)) later.add(new Retraction(key, next));
        }
        List<Version> versions = new ArrayList<>(stored.size() + 1);
        versions.addAll(stored);
        versions.add(at, v);
        while (versions.size() > MAX_VERSIONS) versions.remove(0);
        return new Plan(versions, own, later);
    }

    static String encode(List<Version> versions) {
        StringBuilder b = new StringBuilder(HEADER);
        for (Version v : versions) {
            b.append('\n').append(v.revision()).append('\t').append(v.eventTime())
                    .append('\t').append(Long.toHexString(v.contentHash()));
            escape(b.append('\t'), v.source());
            escape(b.append('\t'), v.url());
            for (String key : v.keys()) escape(b.append('\t'), key);
        }
        return b.toString();
    }

    static List<Version> decode(String stored) {
        if (stored == null || stored.isEmpty()) return List.of();
        if (!stored.startsWith(HEADER)) { // before versions: the last version's keys, one per line
            return List.of(new Version(Long.MIN_VALUE, Long.MIN_VALUE, null, null, UNKNOWN_HASH,
                    List.of(stored.split("\n"))));
        }
        List<Version> out = new ArrayList<>();
        String[] lines = stored.split("\n", -1);
        for (int l = 1; l < lines.length; l++) {
            String[] f = lines[l].split("\t", -1);
            if (f.length < 5) throw new IllegalStateException("malformed article version: " + lines[l]);
            List<String> keys = new ArrayList<>(f.length - 5);
            for (int i = 5; i < f.length; i++) keys.add(unescape(f[i]));
            out.add(new Version(Long.parseLong(f[0]), Long.parseLong(f[1]), unescape(f[3]), unescape(f[4]),
                    Long.parseUnsignedLong(f[2], 16), keys));
        }
        return out;
    }

    private static void escape(StringBuilder b, String s) {
        if (s == null) {
            b.append("\\N");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
    }

    private static String unescape(String s) {
        if (s.equals("\\N")) return null;
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                default -> n;
            });
        }
        return b.toString();
    }
}
