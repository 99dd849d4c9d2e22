package io.claimstream.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Per-key state: every claim (and retraction) received for the key, without duplicates, in
 * {@link Evidence#CANONICAL canonical order}. The constructor sorts and de-duplicates, so a history is a pure function
 * of the set of claims, never of their arrival order.
 *
 * <p>Size: the history keeps everything it is given, so it grows with the number of claims per key. For news
 * coverage of one deal figure that is a handful to a few hundred; every standing and timeline is recomputed from it
 * (O(n³) in the worst case), which stays well under a millisecond at those sizes. Nothing is compacted: a superseded
 * claim still matters to {@link ConsensusEngine#standingAt} for earlier event times and to the audit timeline.
 */
public record KeyHistory(List<Evidence> claims) {

    private static final KeyHistory EMPTY = new KeyHistory(List.of());

    public KeyHistory {
        claims = canonical(claims);
    }

    public static KeyHistory empty() {
        return EMPTY;
    }

    /** A history holding exactly these claims, in canonical order. */
    public static KeyHistory of(Collection<Evidence> claims) {
        return new KeyHistory(new ArrayList<>(claims));
    }

    /** This history plus {@code claim} (the same history if it already holds it). */
    public KeyHistory with(Evidence claim) {
        int at = Collections.binarySearch(claims, claim, Evidence.CANONICAL);
        if (at >= 0) return this;
        List<Evidence> next = new ArrayList<>(claims.size() + 1);
        next.addAll(claims);
        next.add(-at - 1, claim);
        return new KeyHistory(next);
    }

    public boolean contains(Evidence claim) {
        return Collections.binarySearch(claims, claim, Evidence.CANONICAL) >= 0;
    }

    /** The claims with {@code eventTime <= t}. */
    public KeyHistory upTo(long t) {
        int n = 0;
        while (n < claims.size() && claims.get(n).eventTime() <= t) n++;
        return n == claims.size() ? this : new KeyHistory(claims.subList(0, n));
    }

    /** Event time of the newest claim; Long.MIN_VALUE when empty. */
    public long latestEventTime() {
        return claims.isEmpty() ? Long.MIN_VALUE : claims.get(claims.size() - 1).eventTime();
    }

    public int size() {
        return claims.size();
    }

    public boolean isEmpty() {
        return claims.isEmpty();
    }

    private static List<Evidence> canonical(List<Evidence> in) {
        if (in == null) throw new IllegalArgumentException("claims must not be null");
        boolean sorted = true;
        for (int i = 1; i < in.size() && sorted; i++) {
            sorted = Evidence.CANONICAL.compare(in.get(i - 1), in.get(i)) < 0;
        }
        if (sorted) return List.copyOf(in);
        List<Evidence> copy = new ArrayList<>(in);
        copy.sort(Evidence.CANONICAL);
        List<Evidence> out = new ArrayList<>(copy.size());
        for (Evidence e : copy) {
            if (out.isEmpty() || Evidence.CANONICAL.compare(out.get(out.size() - 1), e) != 0) out.add(e);
        }
        return List.copyOf(out);
    }
}
