package io.claimstream.consensus;

import io.claimstream.model.Bound;
import io.claimstream.model.Modality;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two shortcuts of the processor, against the full replay of {@link ConsensusEngine#apply(KeyHistory, Evidence)}:
 * {@link ConsensusEngine#apply(KeyHistory, List, Evidence)} resumes from the checkpoint before the claim's place,
 * and {@link ConsensusEngine#advance}: an in-order claim (newer than the key's history, not a retraction) taken from the
 * stored end state alone, in one evaluation, must give exactly what the full replay of {@link ConsensusEngine#apply}
 * gives: standing, published figure and changes.
 */
class ConsensusFastPathTest {
    final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("s4", 0.5));
    final ConsensusPropertiesTest generators = new ConsensusPropertiesTest();

    @Provide
    Arbitrary<List<Evidence>> claimSets() {
        return generators.evidence().list().ofMinSize(0).ofMaxSize(14);
    }

    /** Any arrival order (late, equal-time, redelivered and retracting claims included): wherever it applies, exact. */
    @Property(tries = 400)
    void advanceEqualsTheFullReplayWhereverItApplies(@ForAll("claimSets") List<Evidence> arrivals) {
        check(arrivals);
    }

    /** Arrival in event-time order, the common case in production: advance applies to most claims and is exact. */
    @Property(tries = 400)
    void inOrderArrivalEqualsTheFullReplay(@ForAll("claimSets") List<Evidence> arrivals) {
        List<Evidence> sorted = new ArrayList<>(arrivals);
        sorted.sort(Comparator.comparingLong(Evidence::eventTime));
        check(sorted);
    }

    /** Checks every arrival that advance may take; returns how many it took. */
    private int check(List<Evidence> arrivals) {
        KeyHistory h = KeyHistory.empty();
        Standing standing = Standing.empty();
        Figure published = null;
        int advanced = 0;
        List<ConsensusEngine.Checkpoint> checkpoints = List.of();
        for (Evidence e : arrivals) {
            Update full = engine.apply(h, e);
            // from the stored checkpoints, whatever the claim's place: the same update, and the new history's checkpoints
            ConsensusEngine.Resumed resumed = engine.apply(h, checkpoints, e);
            assertThat(resumed.update()).isEqualTo(full);
            assertThat(resumed.checkpoints()).isEqualTo(engine.checkpoints(full.history()));
            assertThat(resumed.checkpoints().subList(0, Math.min(resumed.from(), checkpoints.size())))
                    .isEqualTo(checkpoints.subList(0, Math.min(resumed.from(), checkpoints.size())));
            checkpoints = resumed.checkpoints();
            if (!e.retracted() && (h.isEmpty() || e.eventTime() > h.latestEventTime())) {
                ConsensusEngine.Advance fast = engine.advance(evidence(standing), standing.figure(), published, e);
                assertThat(fast.standing()).isEqualTo(full.standing());
                assertThat(fast.published()).isEqualTo(full.published());
                assertThat(fast.changes()).isEqualTo(full.changes());
                advanced++;
            }
            h = full.history();
            standing = full.standing();
            published = full.published();
            assertThat(published).isEqualTo(lastChange(h));
        }
        return advanced;
    }

    private Figure lastChange(KeyHistory h) {
        List<Change> timeline = engine.timeline(h);
        return timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).after();
    }

    private static List<Evidence> evidence(Standing s) {
        return s.claims().stream().map(WeightedEvidence::evidence).toList();
    }

    @Test
    void aRetractionNeedsTheHistory() {
        assertThatThrownBy(() -> engine.advance(List.of(), null, null, Evidence.retraction("s1", "a", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongInOrderHistoryMatchesTheReplayAtEveryStep() {
        java.util.Random r = new java.util.Random(3);
        List<Evidence> arrivals = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Evidence e = r.nextInt(15) == 0
                    ? Evidence.retraction("s" + r.nextInt(8), "a" + (i - 1 - r.nextInt(Math.max(1, Math.min(i, 20)))), i)
                    : new Evidence("s" + r.nextInt(8), "a" + i, null, 10 + r.nextInt(6), null,
                    Bound.values()[r.nextInt(4)], Modality.values()[r.nextInt(Modality.values().length)], false,
                    "e", 0, 1, i, false);
            if (e.bound() == Bound.RANGE) continue;
            // some claims are copies of one of two wire stories (or of nothing known), at some revision
            long[] stories = {0, 0, 0x0123456789ABCDEFL, 0x0123456789ABCDEFL ^ 0xFF, 0x7E3779B97F4A7C15L};
            arrivals.add(e.with(e.retracted() ? 0 : r.nextInt(3), e.retracted() ? 0 : stories[r.nextInt(stories.length)]));
        }
        assertThat(check(arrivals)).isGreaterThan(100);
    }

    private static Evidence claim(String source, double value, long t) {
        return new Evidence(source, "a-" + source + t, null, value, null, Bound.EXACT, Modality.REPORTED, false,
                "e", 0, 1, t, false);
    }
}
