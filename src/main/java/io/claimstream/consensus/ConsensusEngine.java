package io.claimstream.consensus;

import io.claimstream.model.Bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The consensus of one key's claims: pure, no I/O, no clock. See README-consensus.md for the rule.
 *
 * <p>Everything is computed by one replay of the key's history in canonical order (event time first): each claim
 * in turn updates the set of current claims (the latest live claim of each source) and the standing is recomputed,
 * with the figure of the step before as the incumbent that wins weight ties. A change is recorded whenever the
 * figure moves beyond the move tolerance from the figure of the last change. Because the replay order is a function
 * of the set of claims, so are {@link #current}, {@link #standingAt} and {@link #timeline}.
 *
 * <p>Thread-safe: the engine holds only its immutable config.
 */
public final class ConsensusEngine {

    /** Total weights closer than this are a tie (sums of the same weights in another order differ by an ulp). */
    static final double WEIGHT_EPSILON = 1e-9;

    private final ConsensusConfig config;

    public ConsensusEngine(ConsensusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ConsensusConfig config() {
        return config;
    }

    /**
     * Adds one incoming claim (or retraction) to the key's history and says what to emit.
     *
     * <ul>
     *   <li>Already in the history (a redelivery): the same history, the current standing, no changes.</li>
     *   <li>In order ({@code eventTime} ≥ every event time in the history): at most one change, correction=false,
     *       before = the figure the standing showed, after = the new one. With a strictly newer event time it is
     *       exactly the change {@link #timeline} gains; at an event time equal to the newest, the claim may sort
     *       before claims of that instant and the change is the net move of the current figure.</li>
     *   <li>Late ({@code eventTime} older than the newest claim): the timeline is replayed with the claim in its
     *       place; when the published figure (the figure of the timeline's last change) moves beyond the tolerance,
     *       one change with correction=true, before = the current figure before, after = the current figure now,
     *       eventTime = the late claim's event time. A rewrite of the past that leaves the published figure where it
     *       was emits nothing: {@link #timeline} shows the rewritten history.</li>
     * </ul>
     */
    public Update apply(KeyHistory history, Evidence claim) {
        return replayed(history, claim).update();
    }

    /** {@link #apply(KeyHistory, Evidence)} by replay, with the tail of the new history (from the same replay). */
    private Step replayed(KeyHistory history, Evidence claim) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(claim, "claim");
        if (history.contains(claim)) {
            Replay r = replay(history, Long.MAX_VALUE);
            return new Step(new Update(history, r.standing(), List.of()),
                    new Tail(history.size(), history.latestEventTime(), r.standing().figure(), r.published()));
        }
        boolean late = !history.isEmpty() && claim.eventTime() < history.latestEventTime();
        KeyHistory next = history.with(claim);
        Replay after = replay(next, Long.MAX_VALUE);
        // a claim that sorts last extends the replay by one step: its state before that step is the old history's
        boolean last = next.claims().get(next.size() - 1).equals(claim);
        Replay before = last ? after.beforeLast() : replay(history, Long.MAX_VALUE);
        List<Change> changes = List.of();
        if (Figure.moved(before.published(), after.published(), config.moveTolerance())) {
            // In order with a newer event time this is exactly the change the timeline gained (same before, after,
            // trigger and time). At the newest event time a claim may sort before existing ones and reshuffle that
            // instant, and a late claim rewrites the past: both report the net move of the current figure.
            changes = List.of(new Change(before.standing().figure(), after.standing().figure(), claim,
                    claim.eventTime(), late, after.standing().sources()));
        }
        return new Step(new Update(next, after.standing(), changes),
                new Tail(next.size(), next.latestEventTime(), after.standing().figure(), after.published()));
    }

    /**
     * Where the replay of a history ends: the size and newest event time of the history it belongs to, the
     * figure its last step showed (the incumbent of the next step) and the figure of its last change (what was
     * published). With it, a claim newer than every claim of that history costs one evaluation instead of a
     * replay of the whole history: {@link #apply(KeyHistory, Tail, Evidence)}.
     */
    public record Tail(int size, long latestEventTime, Figure figure, Figure published) {
        /** Whether this is the tail of {@code history} (by size and newest event time: a cheap guard, not a proof). */
        public boolean matches(KeyHistory history) {
            return size == history.size() && latestEventTime == history.latestEventTime();
        }
    }

    /** An {@link Update} with the tail of its new history. */
    public record Step(Update update, Tail tail) {}

    /** The tail of {@code history}: one full replay. */
    public Tail tail(KeyHistory history) {
        Replay r = replay(history, Long.MAX_VALUE);
        return new Tail(history.size(), history.latestEventTime(), r.standing().figure(), r.published());
    }

    /**
     * {@link #apply(KeyHistory, Evidence)} with the tail of {@code history} known (null or stale: the full replay).
     * A claim with an event time strictly newer than every claim in the history is the last step of the new
     * history's replay: the standing is one evaluation of the current claims with the tail's figure as incumbent,
     * and the result is identical to the full replay's. Anything else (late, equal newest time, redelivery) replays.
     */
    public Step apply(KeyHistory history, Tail tail, Evidence claim) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(claim, "claim");
        boolean newest = history.isEmpty() || claim.eventTime() > history.latestEventTime();
        if (!newest || tail == null || !tail.matches(history)) return replayed(history, claim);
        KeyHistory next = history.with(claim);
        Standing standing = evaluate(currentClaims(next.claims()), tail.figure());
        List<Change> changes = List.of();
        Figure published = tail.published();
        if (Figure.moved(published, standing.figure(), config.moveTolerance())) {
            changes = List.of(new Change(tail.figure(), standing.figure(), claim, claim.eventTime(), false,
                    standing.sources()));
            published = standing.figure();
        }
        return new Step(new Update(next, standing, changes),
                new Tail(next.size(), next.latestEventTime(), standing.figure(), published));
    }

    /** The current claims after every claim of a canonical history: what the replay's last step evaluates. */
    private static List<Evidence> currentClaims(List<Evidence> claims) {
        Map<String, List<Evidence>> bySource = new LinkedHashMap<>();
        Map<List<String>, Evidence.Position> retractedAsOf = new HashMap<>();
        for (Evidence e : claims) {
            if (e.retracted()) retractedAsOf.merge(List.of(e.source(), e.articleId()), e.position(), Evidence.Position::max);
            else bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
        }
        return currentClaims(bySource, retractedAsOf);
    }

    /** The consensus as of event time {@code eventTime}: a function of the claims with eventTime ≤ it. */
    public Standing standingAt(KeyHistory history, long eventTime) {
        return replay(history, eventTime).standing();
    }

    /** The consensus over the whole history. */
    public Standing current(KeyHistory history) {
        return replay(history, Long.MAX_VALUE).standing();
    }

    /** The event-time timeline of changes (none flagged as corrections): a function of the set of claims. */
    public List<Change> timeline(KeyHistory history) {
        return replay(history, Long.MAX_VALUE).changes();
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Replay(Standing standing, Figure published, List<Change> changes, Replay beforeLast) {
    }

    private Replay replay(KeyHistory history, long upTo) {
        List<Evidence> claims = history.claims();
        Standing standing = Standing.empty();
        Figure published = null;
        List<Change> changes = new ArrayList<>();
        Replay beforeLast = null;
        // live claims per source, updated incrementally; retractions per (source, article): latest position
        Map<String, List<Evidence>> bySource = new LinkedHashMap<>();
        Map<List<String>, Evidence.Position> retractedAsOf = new HashMap<>();
        for (Evidence e : claims) {
            if (e.eventTime() > upTo) break;
            if (e.retracted()) {
                retractedAsOf.merge(List.of(e.source(), e.articleId()), e.position(), Evidence.Position::max);
            } else {
                bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
            }
            beforeLast = new Replay(standing, published, List.copyOf(changes), null);
            Figure incumbent = standing.figure();
            standing = evaluate(currentClaims(bySource, retractedAsOf), incumbent);
            if (Figure.moved(published, standing.figure(), config.moveTolerance())) {
                changes.add(new Change(incumbent, standing.figure(), e, e.eventTime(), false, standing.sources()));
                published = standing.figure();
            }
        }
        return new Replay(standing, published, List.copyOf(changes), beforeLast);
    }

    /**
     * The latest claim of each source (by position: event time, then revision; the lists are in canonical order) not
     * withdrawn by a retraction of its article at or after its position.
     */
    private static List<Evidence> currentClaims(Map<String, List<Evidence>> bySource,
                                                Map<List<String>, Evidence.Position> retractedAsOf) {
        TreeSet<Evidence> current = new TreeSet<>(Evidence.CANONICAL);
        for (List<Evidence> ofSource : bySource.values()) {
            for (int i = ofSource.size() - 1; i >= 0; i--) {
                Evidence e = ofSource.get(i);
                if (!e.withdrawnBy(retractedAsOf.get(List.of(e.source(), e.articleId())))) {
                    current.add(e);
                    break;
                }
            }
        }
        return new ArrayList<>(current);
    }

    /**
     * The standing of a set of current claims (canonical order). The real line is cut at the claims' finite ends into
     * segments (the ray below the first end, each end point, each open gap, the ray above the last end); each segment
     * is covered by a set of claims. A component is a run of neighbouring segments of maximal total weight covered by
     * the same claims; those claims agree and their intersection is the feasible interval. On a weight tie between
     * components the one nearest the incumbent figure wins (the one holding it, when one does), then the lowest.
     */
    Standing evaluate(List<Evidence> current, Figure incumbent) {
        if (current.isEmpty()) return Standing.empty();
        int n = current.size();
        double a = config.approxTolerance();
        double[] lo = new double[n], hi = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) w[i] = config.weight(current.get(i));
        int[] copyOf = copiesOfOneStory(current, w); // zeroes the weight of every copy but its group's representative
        int copies = 0;
        double total = 0;
        TreeSet<Double> ends = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            Evidence e = current.get(i);
            lo[i] = e.low(a);
            hi[i] = e.high(a);
            total += w[i];
            if (copyOf != null && copyOf[i] >= 0) copies++;
            if (w[i] > 0) {
                if (Double.isFinite(lo[i])) ends.add(lo[i]);
                if (Double.isFinite(hi[i])) ends.add(hi[i]);
            }
        }
        if (ends.isEmpty()) { // no claim of positive weight
            List<WeightedEvidence> weighted = new ArrayList<>(n);
            for (int i = 0; i < n; i++) weighted.add(weighted(current, i, w, false, copyOf));
            return new Standing(null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, weighted, 0, n - copies, 0.0);
        }

        // segments, left to right: 0 = ray below p[0]; 2j+1 = point p[j]; 2j+2 = open gap (p[j], p[j+1]);
        // 2k = ray above p[k-1]. Coverage is decided by comparisons only, no sample arithmetic.
        double[] p = ends.stream().mapToDouble(Double::doubleValue).toArray();
        int k = p.length;
        int segments = 2 * k + 1;
        boolean[][] covers = new boolean[segments][];
        double[] weight = new double[segments];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < segments; s++) {
            boolean[] c = new boolean[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] <= 0) continue;
                boolean in;
                if (s == 0) in = lo[i] == Double.NEGATIVE_INFINITY;
                else if (s == segments - 1) in = hi[i] == Double.POSITIVE_INFINITY;
                else if (s % 2 == 1) { double x = p[(s - 1) / 2]; in = lo[i] <= x && x <= hi[i]; }
                else { int j = s / 2 - 1; in = lo[i] <= p[j] && p[j + 1] <= hi[i]; }
                if (in) { c[i] = true; sum += w[i]; }
            }
            covers[s] = c;
            weight[s] = sum;
            max = Math.max(max, sum);
        }

        // components of maximal weight: runs of neighbouring max segments with the same covering claims
        List<boolean[]> components = new ArrayList<>();
        boolean[] previous = null;
        for (int s = 0; s < segments; s++) {
            if (weight[s] < max - WEIGHT_EPSILON) { previous = null; continue; }
            if (previous == null || !Arrays.equals(previous, covers[s])) components.add(covers[s]);
            previous = covers[s];
        }

        boolean[] chosen = null;
        double chosenL = 0, chosenR = 0, bestDistance = Double.POSITIVE_INFINITY;
        for (boolean[] c : components) {
            double L = Double.NEGATIVE_INFINITY, R = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) if (c[i]) { L = Math.max(L, lo[i]); R = Math.min(R, hi[i]); }
            double distance = incumbent == null ? 0
                    : Math.max(0, Math.max(L - incumbent.high(), incumbent.value() - R));
            if (chosen == null || distance < bestDistance) {
                chosen = c; chosenL = L; chosenR = R; bestDistance = distance;
            }
        }

        List<WeightedEvidence> weighted = new ArrayList<>(n);
        int agreeing = 0;
        double agreeingWeight = 0;
        int best = -1;
        for (int i = 0; i < n; i++) {
            weighted.add(weighted(current, i, w, chosen[i], copyOf));
            if (!chosen[i]) continue;
            agreeing++;
            agreeingWeight += w[i];
            if (best < 0 || morePrecise(i, best, current, lo, hi, w)) best = i;
        }
        Figure figure = figure(best, chosen, chosenL, chosenR, current, lo, hi, w);
        return new Standing(figure, chosenL, chosenR, weighted, agreeing, n - copies - agreeing,
                total > 0 ? agreeingWeight / total : 0.0);
    }

    private static WeightedEvidence weighted(List<Evidence> current, int i, double[] w, boolean agrees, int[] copyOf) {
        String of = copyOf == null || copyOf[i] < 0 ? null : current.get(copyOf[i]).source();
        return new WeightedEvidence(current.get(i), w[i], agrees, of);
    }

    /**
     * Copies of one wire story count once. Claims (of different sources: the current claims have one per source)
     * whose story fingerprints are both known and within {@link ConsensusConfig#storyDistance()} bits are linked; each
     * connected component is one story. Its representative is the member of highest weight, then the earliest in
     * canonical order; every other member's weight is set to 0 in {@code w} and its entry in the result is the
     * representative's index (-1 for representatives and unlinked claims). Null when nothing is grouped (fewer than
     * two claims with a story, or grouping off). A function of the set of current claims, hence order independent.
     * O(s²) XOR-popcounts over the s current claims.
     */
    private int[] copiesOfOneStory(List<Evidence> current, double[] w) {
        int d = config.storyDistance();
        int n = current.size();
        if (d < 0 || n < 2) return null;
        int withStory = 0;
        for (Evidence e : current) if (e.story() != 0) withStory++;
        if (withStory < 2) return null;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        boolean linked = false;
        for (int i = 0; i < n; i++) {
            long si = current.get(i).story();
            if (si == 0) continue;
            for (int j = i + 1; j < n; j++) {
                long sj = current.get(j).story();
                if (sj == 0 || Long.bitCount(si ^ sj) > d || current.get(i).source().equals(current.get(j).source())) continue;
                int ri = root(parent, i), rj = root(parent, j);
                if (ri != rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
                linked = true;
            }
        }
        if (!linked) return null;
        int[] representative = new int[n];
        Arrays.fill(representative, -1);
        for (int i = 0; i < n; i++) { // ascending: on a weight tie the earliest in canonical order stays
            int r = root(parent, i);
            if (representative[r] < 0 || w[i] > w[representative[r]]) representative[r] = i;
        }
        int[] copyOf = new int[n];
        for (int i = 0; i < n; i++) {
            int rep = representative[root(parent, i)];
            copyOf[i] = rep == i ? -1 : rep;
            if (rep != i) w[i] = 0;
        }
        return copyOf;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    /** Narrower interval first; then higher weight, earlier event time, source, then canonical order. */
    private static boolean morePrecise(int i, int j, List<Evidence> claims, double[] lo, double[] hi, double[] w) {
        int byWidth = Double.compare(hi[i] - lo[i], hi[j] - lo[j]);
        if (byWidth != 0) return byWidth < 0;
        if (w[i] != w[j]) return w[i] > w[j];
        Evidence a = claims.get(i), b = claims.get(j);
        if (a.eventTime() != b.eventTime()) return a.eventTime() < b.eventTime();
        int bySource = a.source().compareTo(b.source());
        if (bySource != 0) return bySource < 0;
        return Evidence.CANONICAL.compare(a, b) < 0;
    }

    /**
     * The value stated by the most precise agreeing claim when it lies in [L, R]; for a range, the range itself when
     * it is [L, R], else the range cut to [L, R]; otherwise the nearest point of [L, R], with the bound of the (most
     * precise) claim that set that end (a range's low end reads at_least, its high end at_most).
     */
    private static Figure figure(int best, boolean[] agree, double L, double R, List<Evidence> claims,
                                 double[] lo, double[] hi, double[] w) {
        Evidence e = claims.get(best);
        if (e.bound() == Bound.RANGE) {
            if (lo[best] == L && hi[best] == R) return e.figure();
            if (L < R) return new Figure(L, R, Bound.RANGE);
            return Figure.of(L, endBound(true, L, agree, claims, lo, hi, w));
        }
        double v = e.value();
        if (L <= v && v <= R) return Figure.of(v, e.bound());
        if (v < L) return Figure.of(L, endBound(true, L, agree, claims, lo, hi, w));
        return Figure.of(R, endBound(false, R, agree, claims, lo, hi, w));
    }

    private static Bound endBound(boolean lowEnd, double end, boolean[] agree, List<Evidence> claims,
                                  double[] lo, double[] hi, double[] w) {
        int setter = -1;
        for (int i = 0; i < claims.size(); i++) {
            if (!agree[i] || (lowEnd ? lo[i] : hi[i]) != end) continue;
            if (setter < 0 || morePrecise(i, setter, claims, lo, hi, w)) setter = i;
        }
        Bound b = claims.get(setter).bound();
        if (b == Bound.RANGE) return lowEnd ? Bound.AT_LEAST : Bound.AT_MOST;
        return b;
    }
}
