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
 * (O(n³) in the worst case), which stays well under a millisecond at those sizes. Nothing is compacted here: a
 * superseded claim still matters to {@link ConsensusEngine#standingAt} for earlier event times and to the audit
 * timeline. The stream processor stores {@link #compacted} histories when {@code consensus.history.limit} is set.
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

    /**
     * This history cut to about {@code limit} entries (0 or less: no limit), for keys whose coverage never stops.
     * The oldest entries go first, but never what decides the current standing: each source's newest claim, its
     * current claim (the newest by position, event time then revision, not withdrawn), and the retractions of those claims' articles. So the current
     * claims, hence {@link ConsensusEngine#advance} of a newer claim,
     * are exactly as without the cut. What is lost: the standing at event times before the cut and the timeline
     * there, the fallback of a source to a dropped older claim when its newest article is later retracted, and a
     * late claim older than the cut is replayed over the kept claims only. When more sources than {@code limit}
     * stand, all of them are kept: the limit is on superseded claims, not on sources.
     */
    public KeyHistory compacted(int limit) {
        if (limit <= 0 || claims.size() <= limit) return this;
        java.util.Map<String, Evidence> newest = new java.util.HashMap<>(), current = new java.util.HashMap<>();
        java.util.Map<List<String>, Evidence.Position> retractedAsOf = new java.util.HashMap<>();
        for (Evidence e : claims) {
            if (e.retracted()) {
                retractedAsOf.merge(List.of(e.source(), e.articleId()), e.position(), Evidence.Position::max);
            }
        }
        for (int i = claims.size() - 1; i >= 0; i--) {
            Evidence e = claims.get(i);
            if (e.retracted()) continue;
            newest.putIfAbsent(e.source(), e);
            if (!e.withdrawnBy(retractedAsOf.get(List.of(e.source(), e.articleId())))) current.putIfAbsent(e.source(), e);
        }
        java.util.Set<Evidence> keep = new java.util.HashSet<>(newest.values());
        keep.addAll(current.values());
        java.util.Set<List<String>> keptArticles = new java.util.HashSet<>();
        for (Evidence e : keep) keptArticles.add(List.of(e.source(), e.articleId()));
        int droppable = claims.size() - limit;
        List<Evidence> out = new ArrayList<>(Math.max(limit, keep.size()));
        for (Evidence e : claims) {
            boolean pinned = keep.contains(e)
                    || (e.retracted() && keptArticles.contains(List.of(e.source(), e.articleId())));
            if (!pinned && droppable > 0) {
                droppable--;
                continue;
            }
            out.add(e);
        }
        return new KeyHistory(out);
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
