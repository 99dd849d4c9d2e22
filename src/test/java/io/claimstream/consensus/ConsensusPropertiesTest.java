package io.claimstream.consensus;

import io.claimstream.model.Bound;
import io.claimstream.model.Modality;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order independence, replay and idempotence over generated claim sets. The generator draws from few sources,
 * articles, values and event times so that overlaps, conflicts, weight ties, revisions, retractions and equal event
 * times are common.
 */
class ConsensusPropertiesTest {

    final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("s4", 0.5).withStoryDistance(4));
    final double tolerance = engine.config().moveTolerance();

    @Provide
    Arbitrary<List<Evidence>> claimSets() {
        return evidence().list().ofMinSize(0).ofMaxSize(12);
    }

    Arbitrary<Evidence> evidence() {
        Arbitrary<String> source = Arbitraries.of("s1", "s2", "s3", "s4");
        Arbitrary<String> article = Arbitraries.of("a1", "a2", "a3");
        Arbitrary<Double> value = Arbitraries.of(10.0, 12.0, 14.0, 15.0, 20.0, 28.0, 29.0);
        Arbitrary<Double> width = Arbitraries.of(2.0, 5.0);
        Arbitrary<Bound> bound = Arbitraries.of(Bound.class);
        Arbitrary<Modality> modality = Arbitraries.of(Modality.class);
        Arbitrary<Boolean> derived = Arbitraries.of(false, false, true);
        Arbitrary<Long> time = Arbitraries.longs().between(0, 6);
        Arbitrary<Boolean> retracted = Arbitraries.integers().between(0, 6).map(i -> i == 0);
        // versions of an article at one event time, and stories shared by several sources: two wire stories with
        // near copies (a chain of three within the distance), one unrelated story, and unknown (0)
        Arbitrary<Long> revision = Arbitraries.of(0L, 0L, 1L, 2L);
        Arbitrary<Long> story = Arbitraries.of(0L, 0L, WIRE, WIRE ^ 0x7L, WIRE ^ 0x7L ^ (0x7L << 3), OTHER,
                OTHER ^ 0x1L, ~WIRE);
        return Combinators.combine(source, article, value, width, bound, modality, derived, time)
                .as((s, a, v, w, b, m, d, t) -> new Evidence(s, a, null, v, b == Bound.RANGE ? v + w : null, b, m, d,
                        s + ":" + a, 0, 1, t, false))
                .flatMap(e -> Combinators.combine(retracted, revision, story).as((r, rev, st) -> r
                        ? Evidence.retraction(e.source(), e.articleId(), e.eventTime(), rev)
                        : e.with(rev, st)));
    }

    static final long WIRE = 0x0123456789ABCDEFL, OTHER = 0x7E3779B97F4A7C15L;

    record Arrival(KeyHistory history, List<Update> updates, List<Change> emitted) {
    }

    Arrival arrive(List<Evidence> order) {
        KeyHistory h = KeyHistory.empty();
        List<Update> updates = new ArrayList<>();
        List<Change> emitted = new ArrayList<>();
        for (Evidence e : order) {
            Update u = engine.apply(h, e);
            h = u.history();
            updates.add(u);
            emitted.addAll(u.changes());
        }
        return new Arrival(h, updates, emitted);
    }

    @Property(tries = 500)
    void currentAndTimelineDoNotDependOnArrivalOrder(@ForAll("claimSets") List<Evidence> claims,
                                                      @ForAll Random random) {
        List<Evidence> sorted = new ArrayList<>(claims);
        sorted.sort(Evidence.CANONICAL);
        List<Evidence> shuffled = new ArrayList<>(claims);
        Collections.shuffle(shuffled, random);

        Arrival inOrder = arrive(sorted);
        Arrival anyOrder = arrive(shuffled);
        assertThat(anyOrder.history()).isEqualTo(inOrder.history());
        assertThat(engine.current(anyOrder.history())).isEqualTo(engine.current(inOrder.history()));
        assertThat(engine.timeline(anyOrder.history())).isEqualTo(engine.timeline(inOrder.history()));
        // and the last figure on the change stream, corrections included, is the published one
        List<Change> timeline = engine.timeline(inOrder.history());
        Figure published = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).after();
        Figure streamed = anyOrder.emitted().isEmpty() ? null
                : anyOrder.emitted().get(anyOrder.emitted().size() - 1).after();
        assertThat(Figure.moved(streamed, published, tolerance))
                .as("stream ends at %s, timeline at %s", streamed, published).isFalse();
    }

    @Property(tries = 500)
    void inOrderArrivalEmitsTheTimelineOneChangeAtATime(@ForAll("claimSets") List<Evidence> claims) {
        List<Evidence> sorted = new ArrayList<>(claims);
        sorted.sort(Evidence.CANONICAL);
        Arrival a = arrive(sorted);
        for (Update u : a.updates()) {
            assertThat(u.changes()).hasSizeLessThanOrEqualTo(1);
            assertThat(u.changes()).noneMatch(Change::correction);
        }
        assertThat(a.emitted()).isEqualTo(engine.timeline(a.history()));
    }

    @Property(tries = 500)
    void onlyLateClaimsEmitCorrectionsAndEveryChangeMoves(@ForAll("claimSets") List<Evidence> claims,
                                                          @ForAll Random random) {
        List<Evidence> shuffled = new ArrayList<>(claims);
        Collections.shuffle(shuffled, random);
        KeyHistory h = KeyHistory.empty();
        for (Evidence e : shuffled) {
            boolean late = !h.isEmpty() && e.eventTime() < h.latestEventTime();
            Figure before = engine.current(h).figure();
            Update u = engine.apply(h, e);
            assertThat(u.changes()).hasSizeLessThanOrEqualTo(1);
            for (Change c : u.changes()) {
                assertThat(c.correction()).isEqualTo(late);
                assertThat(c.before()).isEqualTo(before);
                assertThat(c.after()).isEqualTo(u.standing().figure());
                assertThat(c.trigger()).isEqualTo(e);
            }
            h = u.history();
        }
        Figure previous = null;
        for (Change c : engine.timeline(h)) {
            assertThat(Figure.moved(previous, c.after(), tolerance)).isTrue();
            previous = c.after();
        }
    }

    @Property(tries = 300)
    void applyingAClaimAgainIsIdempotent(@ForAll("claimSets") List<Evidence> claims) {
        KeyHistory h = arrive(claims).history();
        for (Evidence e : claims) {
            Update again = engine.apply(h, e);
            assertThat(again.changes()).isEmpty();
            assertThat(again.history()).isEqualTo(h);
            assertThat(again.standing()).isEqualTo(engine.current(h));
        }
    }

    @Property(tries = 300)
    void standingAtIsTheCurrentStandingOfTheClaimsUpToThatTime(@ForAll("claimSets") List<Evidence> claims) {
        KeyHistory h = arrive(claims).history();
        for (long time = -1; time <= 7; time++) {
            long t = time;
            List<Evidence> upTo = claims.stream().filter(e -> e.eventTime() <= t).toList();
            assertThat(engine.standingAt(h, t)).isEqualTo(engine.current(KeyHistory.of(upTo)));
        }
    }

    /** The agreeing claims cover the figure, and no point of the line is covered by more weight (brute force). */
    @Property(tries = 500)
    void theStandingIsTheHeaviestConsistentFigure(@ForAll("claimSets") List<Evidence> claims) {
        Standing s = engine.current(arrive(claims).history());
        double a = engine.config().approxTolerance();
        Set<String> sources = new HashSet<>();
        double total = 0, agreeing = 0;
        for (WeightedEvidence w : s.claims()) {
            assertThat(sources.add(w.evidence().source())).as("one claim per source").isTrue();
            assertThat(w.evidence().retracted()).isFalse();
            total += w.weight();
            if (w.agrees()) {
                agreeing += w.weight();
                assertThat(w.evidence().low(a)).isLessThanOrEqualTo(s.low());
                assertThat(w.evidence().high(a)).isGreaterThanOrEqualTo(s.high());
            }
        }
        // copies of one story: weight 0, neither agreeing nor disagreeing, not a source; no two counted claims are
        // copies of each other, and every copy's representative is a counted claim
        int distance = engine.config().storyDistance();
        List<WeightedEvidence> counted = s.claims().stream().filter(w -> !w.isCopy()).toList();
        assertThat(s.agreeing() + s.disagreeing()).isEqualTo(counted.size()).isEqualTo(s.sources());
        for (WeightedEvidence w : s.claims()) {
            if (!w.isCopy()) continue;
            assertThat(w.weight()).isZero();
            assertThat(w.agrees()).isFalse();
            assertThat(counted).anyMatch(c -> c.evidence().source().equals(w.copyOf()));
        }
        for (WeightedEvidence x : counted) {
            for (WeightedEvidence y : counted) {
                if (x == y || x.evidence().story() == 0 || y.evidence().story() == 0) continue;
                assertThat(Long.bitCount(x.evidence().story() ^ y.evidence().story()))
                        .as("%s and %s are copies of one story", x, y).isGreaterThan(distance);
            }
        }
        if (s.figure() == null) {
            assertThat(total).isZero();
            return;
        }
        assertThat(s.figure().value()).isBetween(s.low(), s.high());
        assertThat(s.figure().high()).isBetween(s.low(), s.high());
        assertThat(s.confidence()).isCloseTo(agreeing / total, org.assertj.core.data.Offset.offset(1e-12));
        // candidate points: every claim end and midpoints between ends
        List<Double> points = new ArrayList<>();
        for (WeightedEvidence w : s.claims()) {
            for (double x : new double[]{w.evidence().low(a), w.evidence().high(a)}) if (Double.isFinite(x)) points.add(x);
        }
        List<Double> mids = new ArrayList<>();
        for (double x : points) for (double y : points) mids.add((x + y) / 2);
        points.addAll(mids);
        for (double x : points) {
            double covering = 0;
            for (WeightedEvidence w : s.claims()) {
                if (w.evidence().low(a) <= x && x <= w.evidence().high(a)) covering += w.weight();
            }
            assertThat(covering).as("weight at %s", x).isLessThanOrEqualTo(agreeing + 1e-9);
        }
    }
}
