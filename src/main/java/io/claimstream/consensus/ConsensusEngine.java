package io.claimstream.consensus;

import io.claimstream.model.Bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
     * Adds one incoming claim (or retraction) to the key's history and says what to emit. Costs a replay of the
     * history; {@link #advance} takes the common in-order step in one evaluation.
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
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(claim, "claim");
        if (history.contains(claim)) {
            Replay r = replay(history, Long.MAX_VALUE);
            return new Update(history, r.standing(), r.published(), List.of());
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
        return new Update(next, after.standing(), after.published(), changes);
    }

    /**
     * What an in-order claim does, from the end state of the key's replay alone, without its history: the
     * standing is one evaluation of the current claims with the claim in place of its source's, and the incumbent
     * is the figure of the last step. The result is the one {@link #apply(KeyHistory, Evidence)} gives (its
     * history aside) provided the claim is newer than every claim of the key (strictly later event time) and is
     * not a retraction (a withdrawn claim makes its source fall back to an older one, which only the history
     * knows).
     *
     * @param current   the current claims ({@link Standing#claims()} of the last step)
     * @param incumbent the figure of the last step ({@link Standing#figure()})
     * @param published the figure of the last change ({@link Update#published()})
     */
    public Advance advance(List<Evidence> current, Figure incumbent, Figure published, Evidence claim) {
        Objects.requireNonNull(claim, "claim");
        if (claim.retracted()) throw new IllegalArgumentException("a retraction needs the key's history: use apply");
        // current is in canonical order, and the claim is newer than all of it: it goes last
        List<Evidence> next = new ArrayList<>(current.size() + 1);
        for (Evidence e : current) {
            if (e.eventTime() >= claim.eventTime()) {
                throw new IllegalArgumentException("advance takes a claim newer than the key's claims: use apply");
            }
            if (!e.source().equals(claim.source())) next.add(e);
        }
        next.add(claim);
        Standing standing = evaluate(next, incumbent);
        if (!Figure.moved(published, standing.figure(), config.moveTolerance())) {
            return new Advance(standing, published, List.of());
        }
        return new Advance(standing, standing.figure(),
                List.of(new Change(incumbent, standing.figure(), claim, claim.eventTime(), false, standing.sources())));
    }

    /** What {@link #advance} returns: the standing now, the figure of the last change, and the changes to emit. */
    public record Advance(Standing standing, Figure published, List<Change> changes) {
        public Advance {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Where a key's replay stands after one of its claims: the figure that step showed (the incumbent of the next
     * step) and the figure of the last change up to it (what the next change is measured from). Stored with each
     * claim, they let a late claim be replayed from its own place: the steps before it are what they were.
     */
    public record Checkpoint(Figure figure, Figure published) {}

    /** An {@link Update} with the checkpoints of the new history, one per claim; those before {@code from} are unchanged. */
    public record Resumed(Update update, List<Checkpoint> checkpoints, int from) {}

    /** The checkpoint after each claim of {@code history}: one full replay. */
    public List<Checkpoint> checkpoints(KeyHistory history) {
        return resume(history, List.of(), 0).checkpoints();
    }

    /**
     * {@link #apply(KeyHistory, Evidence)} from the checkpoints of {@code history} (one per claim, as
     * {@link #checkpoints} gives them): the claims before the new one's place are only scanned for the current
     * claims, and evaluation starts at its place. A claim that is late by a few places costs a few evaluations
     * instead of a replay of the key. Same update as {@code apply}.
     */
    public Resumed apply(KeyHistory history, List<Checkpoint> checkpoints, Evidence claim) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(claim, "claim");
        if (checkpoints.size() != history.size()) {
            throw new IllegalArgumentException("one checkpoint per claim: " + checkpoints.size() + " for " + history.size());
        }
        Checkpoint last = history.isEmpty() ? new Checkpoint(null, null) : checkpoints.get(checkpoints.size() - 1);
        if (history.contains(claim)) {
            // nothing changes; the standing is the last step's, re-evaluated over the same claims and incumbent
            int n = history.size();
            Resumed again = resume(history, checkpoints, n - 1);
            return new Resumed(new Update(history, again.update().standing(), last.published(), List.of()), checkpoints, n);
        }
        boolean late = !history.isEmpty() && claim.eventTime() < history.latestEventTime();
        KeyHistory next = history.with(claim);
        int at = Collections.binarySearch(next.claims(), claim, Evidence.CANONICAL);
        Resumed r = resume(next, checkpoints.subList(0, at), at);
        Standing standing = r.update().standing();
        Figure published = r.update().published();
        List<Change> changes = List.of();
        if (Figure.moved(last.published(), published, config.moveTolerance())) {
            changes = List.of(new Change(last.figure(), standing.figure(), claim, claim.eventTime(), late,
                    standing.sources()));
        }
        return new Resumed(new Update(next, standing, published, changes), r.checkpoints(), at);
    }

    /**
     * Replays {@code history} from claim {@code from} on, with {@code before} the checkpoints of the claims before
     * it: those claims are scanned for the current claims, not evaluated. Returns the last step's standing and
     * published figure (no changes) and every checkpoint.
     */
    private Resumed resume(KeyHistory history, List<Checkpoint> before, int from) {
        List<Evidence> claims = history.claims();
        Map<String, List<Evidence>> bySource = new LinkedHashMap<>();
        Map<List<String>, Evidence.Position> retractedAsOf = new HashMap<>();
        List<Checkpoint> out = new ArrayList<>(claims.size());
        out.addAll(before.subList(0, from));
        Figure incumbent = from == 0 ? null : before.get(from - 1).figure();
        Figure published = from == 0 ? null : before.get(from - 1).published();
        Standing standing = Standing.empty();
        for (int i = 0; i < claims.size(); i++) {
            Evidence e = claims.get(i);
            if (e.retracted()) {
                retractedAsOf.merge(List.of(e.source(), e.articleId()), e.position(), Evidence.Position::max);
            } else {
                bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
            }
            if (i < from) continue;
            standing = evaluate(currentClaims(bySource, retractedAsOf), incumbent);
            if (Figure.moved(published, standing.figure(), config.moveTolerance())) published = standing.figure();
            incumbent = standing.figure();
            out.add(new Checkpoint(standing.figure(), published));
        }
        return new Resumed(new Update(history, standing, published, List.of()), out, from);
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
        // the state before the last step, kept by reference: copying the change list at every step made a replay
        // quadratic in the number of changes
        Standing previousStanding = null;
        Figure previousPublished = null;
        int previousChanges = 0;
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
            previousStanding = standing;
            previousPublished = published;
            previousChanges = changes.size();
            Figure incumbent = standing.figure();
            standing = evaluate(currentClaims(bySource, retractedAsOf), incumbent);
            if (Figure.moved(published, standing.figure(), config.moveTolerance())) {
                changes.add(new Change(incumbent, standing.figure(), e, e.eventTime(), false, standing.sources()));
                published = standing.figure();
            }
        }
        Replay beforeLast = previousStanding == null ? null
                : new Replay(previousStanding, previousPublished, List.copyOf(changes.subList(0, previousChanges)), null);
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
        double[] ends = new double[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Evidence e = current.get(i);
            lo[i] = e.low(a);
            hi[i] = e.high(a);
            total += w[i];
            if (copyOf != null && copyOf[i] >= 0) copies++;
            if (w[i] > 0) {
                if (Double.isFinite(lo[i])) ends[k++] = lo[i];
                if (Double.isFinite(hi[i])) ends[k++] = hi[i];
            }
        }
        if (k == 0) { // no claim of positive weight
            List<WeightedEvidence> weighted = new ArrayList<>(n);
            for (int i = 0; i < n; i++) weighted.add(weighted(current, i, w, false, copyOf));
            return new Standing(null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, weighted, 0, n - copies, 0.0);
        }

        // segments, left to right: 0 = ray below p[0]; 2j+1 = point p[j]; 2j+2 = open gap (p[j], p[j+1]);
        // 2k = ray above p[k-1]. Coverage is decided by comparisons only, no sample arithmetic. It is recomputed
        // where needed rather than kept per segment: this runs for every claim, and hot keys have many sources.
        double[] p = distinctSorted(ends, k);
        int segments = 2 * p.length + 1;
        double[] weight = new double[segments];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < segments; s++) {
            double sum = 0;
            for (int i = 0; i < n; i++) if (w[i] > 0 && covers(s, lo[i], hi[i], p, segments)) sum += w[i];
            weight[s] = sum;
            max = Math.max(max, sum);
        }

        // components of maximal weight: runs of neighbouring max segments with the same covering claims; among
        // them the one nearest the incumbent wins (the first, on equal distance)
        int chosenSegment = -1, previous = -1;
        double chosenL = 0, chosenR = 0, bestDistance = Double.POSITIVE_INFINITY;
        for (int s = 0; s < segments; s++) {
            if (weight[s] < max - WEIGHT_EPSILON) { previous = -1; continue; }
            boolean sameComponent = previous >= 0 && sameCover(previous, s, lo, hi, w, p, segments);
            previous = s;
            if (sameComponent) continue;
            double L = Double.NEGATIVE_INFINITY, R = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (w[i] > 0 && covers(s, lo[i], hi[i], p, segments)) { L = Math.max(L, lo[i]); R = Math.min(R, hi[i]); }
            }
            double distance = incumbent == null ? 0
                    : Math.max(0, Math.max(L - incumbent.high(), incumbent.value() - R));
            if (chosenSegment < 0 || distance < bestDistance) {
                chosenSegment = s; chosenL = L; chosenR = R; bestDistance = distance;
            }
        }
        boolean[] chosen = new boolean[n];
        for (int i = 0; i < n; i++) chosen[i] = w[i] > 0 && covers(chosenSegment, lo[i], hi[i], p, segments);

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

    /** Whether the claim [lo, hi] covers segment {@code s} of the cut at the points {@code p}. */
    private static boolean covers(int s, double lo, double hi, double[] p, int segments) {
        if (s == 0) return lo == Double.NEGATIVE_INFINITY;
        if (s == segments - 1) return hi == Double.POSITIVE_INFINITY;
        if (s % 2 == 1) {
            double x = p[(s - 1) / 2];
            return lo <= x && x <= hi;
        }
        int j = s / 2 - 1;
        return lo <= p[j] && p[j + 1] <= hi;
    }

    /** Whether segments {@code s} and {@code t} are covered by the same claims (of positive weight). */
    private static boolean sameCover(int s, int t, double[] lo, double[] hi, double[] w, double[] p, int segments) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0 && covers(s, lo[i], hi[i], p, segments) != covers(t, lo[i], hi[i], p, segments)) return false;
        }
        return true;
    }

    /** The first {@code k} values, sorted, without repeats (in {@link Double#compare} order, as a sorted set keeps them). */
    private static double[] distinctSorted(double[] values, int k) {
        double[] sorted = Arrays.copyOf(values, k);
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (m == 0 || Double.compare(sorted[m - 1], sorted[i]) != 0) sorted[m++] = sorted[i];
        }
        return Arrays.copyOf(sorted, m);
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
