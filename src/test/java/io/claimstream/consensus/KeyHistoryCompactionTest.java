package io.claimstream.consensus;

import io.claimstream.model.Bound;
import io.claimstream.model.Modality;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyHistory#compacted}: the cut never touches what decides the current standing. */
class KeyHistoryCompactionTest {
    final ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("s4", 0.5));
    final ConsensusPropertiesTest generators = new ConsensusPropertiesTest();

    @Provide
    Arbitrary<List<Evidence>> claimSets() {
        return generators.evidence().list().ofMinSize(0).ofMaxSize(16);
    }

    /**
     * Whatever the history (retractions, revisions, equal times), a claim newer than all of it gives the same
     * standing over the compacted history as over the whole one, with the same incumbent: the current claims agree.
     */
    @Property(tries = 500)
    void aNewerClaimSeesTheSameCurrentClaims(@ForAll("claimSets") List<Evidence> claims,
                                             @ForAll @IntRange(min = 1, max = 6) int limit) {
        KeyHistory h = KeyHistory.of(claims);
        KeyHistory cut = h.compacted(limit);
        assertThat(h.claims()).containsAll(cut.claims());
        Standing whole = engine.current(h);
        Evidence probe = new Evidence("s9", "probe", null, 14, null, Bound.APPROX, Modality.REPORTED, false, "p", 0, 1,
                100, false);
        // the cut loses the past, never the present: the current claims are the whole history's
        assertThat(claimsOf(engine.current(cut))).isEqualTo(claimsOf(whole));
        // so a newer claim, taken from the stored end state as the processor does, is exactly the full replay's
        Update a = engine.apply(h, probe);
        ConsensusEngine.Advance fromStored = engine.advance(claimsOf(whole), whole.figure(), lastChange(h), probe);
        assertThat(fromStored.standing()).isEqualTo(a.standing());
        assertThat(fromStored.changes()).isEqualTo(a.changes());
        assertThat(whole).isNotNull();
    }

    /** Claims arriving in event-time order without retractions: a capped key emits exactly what an uncapped one does. */
    @Property(tries = 300)
    void inOrderCoverageEmitsTheSameWithAndWithoutTheCap(@ForAll("claimSets") List<Evidence> claims,
                                                         @ForAll @IntRange(min = 1, max = 5) int limit) {
        KeyHistory whole = KeyHistory.empty(), cut = KeyHistory.empty();
        Standing capped = Standing.empty();
        Figure published = null;
        long t = 0;
        for (Evidence c : claims) {
            if (c.retracted()) continue;
            Evidence e = new Evidence(c.source(), c.articleId() + "@" + t, c.url(), c.value(), c.valueHigh(), c.bound(),
                    c.modality(), c.derived(), c.evidence(), c.start(), c.end(), t++, false);
            Update a = engine.apply(whole, e);
            ConsensusEngine.Advance b = engine.advance(claimsOf(capped), capped.figure(), published, e);
            assertThat(b.standing()).isEqualTo(a.standing());
            assertThat(b.changes()).isEqualTo(a.changes());
            whole = a.history();
            cut = cut.with(e).compacted(limit);
            capped = b.standing();
            published = b.published();
            assertThat(claimsOf(engine.current(cut))).isEqualTo(claimsOf(a.standing()));
            assertThat(cut.size()).isLessThanOrEqualTo(Math.max(limit, 2 * 4 + 4));
        }
    }

    private static List<Evidence> claimsOf(Standing s) {
        return s.claims().stream().map(WeightedEvidence::evidence).toList();
    }

    private Figure lastChange(KeyHistory h) {
        List<Change> timeline = engine.timeline(h);
        return timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).after();
    }

    @Test
    void keepsEachSourcesNewestAndCurrentClaimAndTheirRetractions() {
        List<Evidence> claims = new ArrayList<>();
        for (int t = 0; t < 10; t++) claims.add(claim("s1", "a" + t, 10 + t, t));
        claims.add(claim("s2", "b0", 20, 3));
        claims.add(Evidence.retraction("s1", "a9", 11)); // s1's newest is withdrawn: a8 stands for s1
        KeyHistory cut = KeyHistory.of(claims).compacted(3);
        assertThat(cut.claims()).extracting(Evidence::articleId).containsExactly("b0", "a8", "a9", "a9");
        assertThat(KeyHistory.of(claims).compacted(0).size()).isEqualTo(claims.size());
        assertThat(KeyHistory.of(claims).compacted(100).size()).isEqualTo(claims.size());
    }

    private static Evidence claim(String source, String article, double value, long t) {
        return new Evidence(source, article, null, value, null, Bound.EXACT, Modality.REPORTED, false, "e", 0, 1, t, false);
    }
}
