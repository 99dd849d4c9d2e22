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

/**
 * {@link ConsensusEngine#apply(KeyHistory, ConsensusEngine.Tail, Evidence)}: with the tail of the history known, an
 * in-order claim costs one evaluation; whatever the order, the result must be the full replay's.
 */
class ConsensusFastPathTest {
    final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("s4", 0.5));
    final ConsensusPropertiesTest generators = new ConsensusPropertiesTest();

    @Provide
    Arbitrary<List<Evidence>> claimSets() {
        return generators.evidence().list().ofMinSize(0).ofMaxSize(14);
    }

    /** Any arrival order (late, equal-time, redelivered and retracting claims included): same as apply(h, e). */
    @Property(tries = 400)
    void withTheTailEqualsTheFullReplay(@ForAll("claimSets") List<Evidence> arrivals) {
        check(arrivals);
    }

    /** Arrival in event-time order, the common case in production: the fast path is taken and still exact. */
    @Property(tries = 400)
    void inOrderArrivalEqualsTheFullReplay(@ForAll("claimSets") List<Evidence> arrivals) {
        List<Evidence> sorted = new ArrayList<>(arrivals);
        sorted.sort(Comparator.comparingLong(Evidence::eventTime));
        check(sorted);
    }

    private void check(List<Evidence> arrivals) {
        KeyHistory h = KeyHistory.empty();
        ConsensusEngine.Tail tail = engine.tail(h);
        for (Evidence e : arrivals) {
            Update full = engine.apply(h, e);
            ConsensusEngine.Step fast = engine.apply(h, tail, e);
            assertThat(fast.update()).isEqualTo(full);
            assertThat(fast.tail()).isEqualTo(engine.tail(full.history()));
            h = full.history();
            tail = fast.tail();
        }
    }

    @Test
    void aStaleOrMissingTailFallsBackToTheReplay() {
        Evidence a = claim("s1", 10, 1), b = claim("s2", 12, 2), c = claim("s3", 12.5, 3);
        KeyHistory h = engine.apply(engine.apply(KeyHistory.empty(), a).history(), b).history();
        ConsensusEngine.Tail stale = engine.tail(KeyHistory.of(List.of(a)));
        assertThat(stale.matches(h)).isFalse();
        assertThat(engine.apply(h, stale, c).update()).isEqualTo(engine.apply(h, c));
        assertThat(engine.apply(h, null, c).update()).isEqualTo(engine.apply(h, c));
    }

    @Test
    void aLongInOrderHistoryMatchesTheReplayAtEveryStep() {
        KeyHistory h = KeyHistory.empty();
        ConsensusEngine.Tail tail = engine.tail(h);
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 150; i++) {
            Evidence e = r.nextInt(15) == 0
                    ? Evidence.retraction("s" + r.nextInt(8), "a" + (i - 1 - r.nextInt(Math.max(1, Math.min(i, 20)))), i)
                    : new Evidence("s" + r.nextInt(8), "a" + i, null, 10 + r.nextInt(6), null,
                    Bound.values()[r.nextInt(4)], Modality.values()[r.nextInt(Modality.values().length)], false,
                    "e", 0, 1, i, false);
            if (e.bound() == Bound.RANGE) continue;
            // some claims are copies of one of two wire stories (or of nothing known), at some revision
            long[] stories = {0, 0, 0x0123456789ABCDEFL, 0x0123456789ABCDEFL ^ 0xFF, 0x7E3779B97F4A7C15L};
            e = e.with(e.retracted() ? 0 : r.nextInt(3), e.retracted() ? 0 : stories[r.nextInt(stories.length)]);
            Update full = engine.apply(h, e);
            ConsensusEngine.Step fast = engine.apply(h, tail, e);
            assertThat(fast.update()).as("claim %d", i).isEqualTo(full);
            h = full.history();
            tail = fast.tail();
        }
    }

    private static Evidence claim(String source, double value, long t) {
        return new Evidence(source, "a-" + source + t, null, value, null, Bound.EXACT, Modality.REPORTED, false,
                "e", 0, 1, t, false);
    }
}
