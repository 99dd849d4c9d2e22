package io.claimstream.consensus;

import io.claimstream.model.Bound;
import io.claimstream.model.Modality;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static io.claimstream.model.Bound.APPROX;
import static io.claimstream.model.Bound.AT_LEAST;
import static io.claimstream.model.Bound.AT_MOST;
import static io.claimstream.model.Bound.EXACT;
import static io.claimstream.model.Bound.RANGE;
import static io.claimstream.model.Modality.PLANNED;
import static io.claimstream.model.Modality.PROJECTED;
import static io.claimstream.model.Modality.REPORTED;
import static io.claimstream.model.Modality.SPECULATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConsensusEngineTest {

    ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.defaults());

    static Evidence claim(String source, String article, double value, Bound bound, Modality modality, long t) {
        return new Evidence(source, article, "https://" + source + "/" + article, value, null, bound, modality, false,
                source + " says " + value, 0, 10, t, false);
    }

    static Evidence claim(String source, double value, Bound bound, Modality modality, long t) {
        return claim(source, source + "-" + t, value, bound, modality, t);
    }

    static Evidence exact(String source, double value, long t) {
        return claim(source, value, EXACT, REPORTED, t);
    }

    static Evidence range(String source, double low, double high, long t) {
        return new Evidence(source, source + "-" + t, null, low, high, RANGE, PLANNED, false, "between", 0, 1, t, false);
    }

    static Evidence derived(String source, double value, Modality modality, long t) {
        return new Evidence(source, source + "-" + t, null, value, null, EXACT, modality, true, "double", 0, 1, t, false);
    }

    /** Applies the claims in the given order; returns the final update and collects every emitted change. */
    record Run(KeyHistory history, Standing standing, List<Change> emitted, List<Update> updates) {
    }

    Run run(Evidence... claims) {
        KeyHistory h = KeyHistory.empty();
        List<Change> emitted = new java.util.ArrayList<>();
        List<Update> updates = new java.util.ArrayList<>();
        Update u = null;
        for (Evidence e : claims) {
            u = engine.apply(h, e);
            h = u.history();
            emitted.addAll(u.changes());
            updates.add(u);
        }
        return new Run(h, u == null ? Standing.empty() : u.standing(), emitted, updates);
    }

    @Nested
    class Changes {
        @Test
        void firstFigureIsAChangeFromNothing() {
            Run r = run(claim("a", 15e9, APPROX, PLANNED, 1));
            assertThat(r.emitted()).hasSize(1);
            Change c = r.emitted().get(0);
            assertThat(c.before()).isNull();
            assertThat(c.after()).isEqualTo(Figure.of(15e9, APPROX));
            assertThat(c.correction()).isFalse();
            assertThat(c.eventTime()).isEqualTo(1);
            assertThat(c.sources()).isEqualTo(1);
        }

        @Test
        void anAgreeingSourceEmitsNothingButRaisesTheCount() {
            Run r = run(claim("a", 15e9, APPROX, PLANNED, 1), claim("b", 15e9, APPROX, PLANNED, 2));
            assertThat(r.updates().get(1).changes()).isEmpty();
            assertThat(r.standing().agreeing()).isEqualTo(2);
            assertThat(r.standing().confidence()).isEqualTo(1.0);
        }

        @Test
        void aFirmerBoundEmitsNothingButTheStandingShowsIt() {
            Run r = run(claim("a", 14e9, APPROX, REPORTED, 1), exact("b", 14e9, 2));
            assertThat(r.emitted()).hasSize(1);
            assertThat(r.standing().figure()).isEqualTo(Figure.of(14e9, EXACT));
            assertThat(r.standing().low()).isEqualTo(14e9);
            assertThat(r.standing().high()).isEqualTo(14e9);
        }

        @Test
        void aNarrowerIntervalThatKeepsTheFigureEmitsNothing() {
            Run r = run(claim("a", 15e9, APPROX, PLANNED, 1), range("b", 10e9, 15e9, 2));
            assertThat(r.updates().get(1).changes()).isEmpty();
            assertThat(r.standing().figure()).isEqualTo(Figure.of(15e9, APPROX));
            assertThat(r.standing().low()).isCloseTo(14.25e9, within(1.0));
            assertThat(r.standing().high()).isEqualTo(15e9);
        }

        @Test
        void aMoreSpecificAgreeingClaimInsideTheIntervalMovesTheFigure() {
            Run r = run(claim("a", 15e9, APPROX, PLANNED, 1), range("b", 10e9, 15e9, 2), exact("c", 14.3e9, 3));
            assertThat(r.emitted()).hasSize(2);
            Change last = r.emitted().get(1);
            assertThat(last.before()).isEqualTo(Figure.of(15e9, APPROX));
            assertThat(last.after()).isEqualTo(Figure.of(14.3e9, EXACT));
            assertThat(last.trigger().source()).isEqualTo("c");
            assertThat(last.sources()).isEqualTo(3);
        }

        @Test
        void aMoveWithinTheToleranceEmitsNothingButDriftAddsUpAgainstTheLastPublishedFigure() {
            engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("b", 2).withReliability("c", 4));
            Run r = run(exact("a", 1000, 1), exact("b", 1000.6, 2), exact("c", 1001.2, 3));
            // b outweighs a: 1000 → 1000.6 is 0.06% < 0.1%, no change
            assertThat(r.updates().get(1).changes()).isEmpty();
            assertThat(r.updates().get(1).standing().figure().value()).isEqualTo(1000.6);
            // c: 0.06% from the standing but 0.12% from the published 1000, so a change, before = the standing
            assertThat(r.updates().get(2).changes()).singleElement().satisfies(c -> {
                assertThat(c.before()).isEqualTo(Figure.of(1000.6, EXACT));
                assertThat(c.after()).isEqualTo(Figure.of(1001.2, EXACT));
            });
        }

        @Test
        void theMoveToleranceIsConfigurable() {
            Properties p = new Properties();
            p.setProperty(ConsensusConfig.MOVE_TOLERANCE, "0");
            p.setProperty("consensus.reliability.b", "2");
            engine = new ConsensusEngine(ConsensusConfig.fromProperties(p));
            Run r = run(exact("a", 1000, 1), exact("b", 1000.6, 2));
            assertThat(r.emitted()).hasSize(2);
        }
    }

    @Nested
    class Conflicts {
        @Test
        void aHeavierSideMovesTheFigure() {
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), exact("c", 20, 3));
            assertThat(r.updates().get(1).changes()).as("1 vs 1: tie keeps 10").isEmpty();
            assertThat(r.updates().get(1).standing().figure().value()).isEqualTo(10);
            assertThat(r.updates().get(2).changes()).singleElement()
                    .satisfies(c -> assertThat(c.after().value()).isEqualTo(20));
            assertThat(r.standing().agreeing()).isEqualTo(2);
            assertThat(r.standing().disagreeing()).isEqualTo(1);
            assertThat(r.standing().confidence()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(r.standing().claims()).filteredOn(w -> !w.agrees())
                    .singleElement().satisfies(w -> assertThat(w.evidence().source()).isEqualTo("a"));
        }

        @Test
        void aLighterClaimDoesNotMoveTheFigure() {
            Run r = run(claim("a", 28e9, APPROX, REPORTED, 1), claim("b", 25e9, EXACT, SPECULATIVE, 2));
            assertThat(r.emitted()).hasSize(1);
            assertThat(r.standing().figure()).isEqualTo(Figure.of(28e9, APPROX));
            assertThat(r.standing().claims()).extracting(WeightedEvidence::weight).containsExactly(1.0, 0.4);
            assertThat(r.standing().confidence()).isCloseTo(1 / 1.4, within(1e-12));
        }

        @Test
        void onAWeightTieTheIncumbentKeepsTheFigureWhicheverArrivesFirst() {
            Run inOrder = run(exact("a", 10, 1), exact("b", 20, 2));
            Run late = run(exact("b", 20, 2), exact("a", 10, 1));
            assertThat(inOrder.standing()).isEqualTo(late.standing());
            assertThat(inOrder.standing().figure().value()).isEqualTo(10); // a is older: it was the incumbent
        }

        @Test
        void anExactlyEqualWeightSumIsATieDespiteRounding() {
            // 0.1 + 0.2 != 0.3 in binary floating point: ties are compared within an epsilon
            engine = new ConsensusEngine(ConsensusConfig.defaults()
                    .withReliability("a", 0.3).withReliability("b", 0.1).withReliability("c", 0.2));
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), exact("c", 20, 3));
            assertThat(r.standing().figure().value()).isEqualTo(10);
        }

        @Test
        void whenNoTiedSideHoldsTheIncumbentTheNearestWins() {
            // a=10 and b=20 tie, 10 holds; a revises to 30: 20 and 30 tie, neither holds 10, 20 is nearer
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), exact("a", 30, 3));
            assertThat(r.standing().figure().value()).isEqualTo(20);
        }
    }

    @Nested
    class Sources {
        @Test
        void aSourceRevisingItsFigureCountsOnceWithItsLatestClaim() {
            Run r = run(exact("a", 10, 1), exact("a", 12, 2));
            assertThat(r.standing().figure().value()).isEqualTo(12);
            assertThat(r.standing().claims()).hasSize(1);
            assertThat(r.emitted()).hasSize(2);
            assertThat(engine.standingAt(r.history(), 1).figure().value()).isEqualTo(10);
        }

        @Test
        void aSourceRepeatingItselfDoesNotOutweighAnother() {
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), claim("a", "a-other", 20, EXACT, REPORTED, 3),
                    claim("a", "a-third", 10, EXACT, REPORTED, 4));
            // a's latest says 10 again, b says 20: 1 vs 1, and the incumbent after t3 was 20 (a and b agreed)
            assertThat(r.standing().claims()).hasSize(2);
            assertThat(r.standing().figure().value()).isEqualTo(20);
        }

        @Test
        void equalEventTimesOfOneSourceResolveByArticleThenValue() {
            Evidence x = claim("a", "article-1", 10, EXACT, REPORTED, 5);
            Evidence y = claim("a", "article-2", 20, EXACT, REPORTED, 5);
            assertThat(run(x, y).standing()).isEqualTo(run(y, x).standing());
            assertThat(run(x, y).standing().claims()).singleElement()
                    .satisfies(w -> assertThat(w.evidence().articleId()).isEqualTo("article-2"));
        }

        @Test
        void reliabilityWeighsSources() {
            engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("tabloid", 0.5));
            Run r = run(exact("tabloid", 10, 1), exact("wire", 20, 2));
            assertThat(r.standing().figure().value()).isEqualTo(20);
            assertThat(r.standing().claims()).extracting(WeightedEvidence::weight).containsExactly(0.5, 1.0);
        }

        @Test
        void aSourceOfZeroReliabilityNeverSetsAFigure() {
            engine = new ConsensusEngine(ConsensusConfig.defaults().withReliability("spam", 0));
            Run r = run(exact("spam", 10, 1));
            assertThat(r.standing().figure()).isNull();
            assertThat(r.standing().claims()).hasSize(1);
            assertThat(r.standing().disagreeing()).isEqualTo(1);
            assertThat(r.emitted()).isEmpty();
        }
    }

    @Nested
    class Retractions {
        @Test
        void aRetractionWithdrawsThatArticlesClaim() {
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), exact("c", 20, 3),
                    Evidence.retraction("c", "c-3", 4));
            assertThat(r.standing().claims()).extracting(w -> w.evidence().source()).containsExactly("a", "b");
            // 20 was the incumbent and the tie keeps it
            assertThat(r.standing().figure().value()).isEqualTo(20);
            assertThat(r.updates().get(3).changes()).isEmpty();
        }

        @Test
        void withdrawingEveryClaimEmitsAChangeToNothing() {
            Run r = run(exact("a", 10, 1), Evidence.retraction("a", "a-1", 2));
            assertThat(r.standing().figure()).isNull();
            assertThat(r.standing().claims()).isEmpty();
            assertThat(r.emitted()).hasSize(2);
            Change gone = r.emitted().get(1);
            assertThat(gone.before()).isEqualTo(Figure.of(10, EXACT));
            assertThat(gone.after()).isNull();
            assertThat(gone.sources()).isZero();
            assertThat(engine.standingAt(r.history(), 1).figure().value()).isEqualTo(10);
        }

        @Test
        void aRetractedRevisionFallsBackToTheSourcesEarlierArticle() {
            Run r = run(exact("a", 10, 1), exact("a", 12, 2), Evidence.retraction("a", "a-2", 3));
            assertThat(r.standing().figure().value()).isEqualTo(10);
        }

        @Test
        void aRetractionTouchesOnlyClaimsUpToItsEventTime() {
            Evidence before = claim("a", "story", 10, EXACT, REPORTED, 1);
            Evidence republished = claim("a", "story", 11, EXACT, REPORTED, 5);
            Run r = run(before, Evidence.retraction("a", "story", 3), republished);
            assertThat(r.standing().figure().value()).isEqualTo(11);
            assertThat(engine.standingAt(r.history(), 4).figure()).isNull();
        }

        @Test
        void aRetractionAtTheSameEventTimeAsTheClaimWithdrawsIt() {
            Run r = run(Evidence.retraction("a", "a-1", 1), exact("a", 10, 1));
            assertThat(r.standing().figure()).isNull();
        }
    }

    /** Versions of one article published at one event time, told apart by revision (the version's fetch time). */
    @Nested
    class Revisions {
        static Evidence version(String source, String article, double value, long t, long revision) {
            return claim(source, article, value, EXACT, REPORTED, t).with(revision, 0);
        }

        @Test
        void atOneEventTimeTheHigherRevisionIsTheSourcesClaimWhateverItsValue() {
            // canonical order by value alone would pick 15 (the larger) as the later claim; revision decides
            Evidence v1 = version("a", "story", 15, 1, 100), v2 = version("a", "story", 12, 1, 200);
            for (Run r : List.of(run(v1, v2), run(v2, v1))) {
                assertThat(r.standing().claims()).hasSize(1);
                assertThat(r.standing().figure().value()).isEqualTo(12);
            }
            Evidence w1 = version("a", "story", 12, 1, 100), w2 = version("a", "story", 15, 1, 200);
            assertThat(run(w2, w1).standing().figure().value()).isEqualTo(15);
            assertThat(run(w1, w2).standing().figure().value()).isEqualTo(15);
        }

        @Test
        void aLaterEventTimeStillBeatsAHigherRevision() {
            Run r = run(version("a", "x", 10, 2, 0), version("a", "y", 20, 1, 999));
            assertThat(r.standing().figure().value()).isEqualTo(10);
        }

        @Test
        void aRetractionWithdrawsTheArticlesClaimsUpToItsPositionOnly() {
            Evidence v1 = version("a", "story", 10, 1, 100);
            Evidence v3 = version("a", "story", 11, 1, 300);
            Evidence retractedAtV2 = Evidence.retraction("a", "story", 1, 200);
            // v1 is at (1, 100) ≤ (1, 200): withdrawn; v3 at (1, 300) is after the retraction: stands
            assertThat(run(v1, retractedAtV2).standing().figure()).isNull();
            assertThat(run(v1, retractedAtV2, v3).standing().figure().value()).isEqualTo(11);
            assertThat(run(v3, retractedAtV2, v1).standing().figure().value()).isEqualTo(11);
            // a retraction at an earlier revision of the same event time does not touch a later version
            assertThat(run(v3, Evidence.retraction("a", "story", 1, 299)).standing().figure().value()).isEqualTo(11);
        }

        @Test
        void aClaimAndARetractionAtTheSamePositionRetractionWins() {
            Evidence v = version("a", "story", 10, 1, 100);
            assertThat(run(v, Evidence.retraction("a", "story", 1, 100)).standing().figure()).isNull();
            assertThat(run(Evidence.retraction("a", "story", 1, 100), v).standing().figure()).isNull();
        }

        @Test
        void compactionKeepsTheLatestRevisionAsTheSourcesCurrentClaim() {
            KeyHistory h = KeyHistory.empty();
            for (int i = 0; i < 10; i++) h = h.with(exact("b", 20, i));
            Evidence v1 = version("a", "story", 15, 5, 100), v2 = version("a", "story", 12, 5, 200);
            h = h.with(v2).with(v1).with(Evidence.retraction("a", "story", 5, 150));
            KeyHistory cut = h.compacted(3);
            assertThat(cut.claims()).contains(v2).doesNotContain(v1);
            assertThat(engine.current(cut).claims()).extracting(WeightedEvidence::evidence)
                    .isEqualTo(engine.current(h).claims().stream().map(WeightedEvidence::evidence).toList());
        }
    }

    /** Copies of one wire story (near-identical text from several outlets) count as one source. */
    @Nested
    class Stories {
        static final long WIRE = 0x5DEECE66DL * 0x9E3779B97F4A7C15L;

        static Evidence carrying(String source, double value, long story, long t) {
            return exact(source, value, t).with(0, story);
        }

        /** {@code story} with {@code bits} low bits flipped. */
        static long near(long story, int bits) {
            return story ^ ((1L << bits) - 1);
        }

        @Test
        void threeCopiesOfOneStoryAreOutweighedByTwoIndependentSources() {
            int d = ConsensusConfig.defaults().storyDistance();
            Evidence[] claims = {
                    carrying("wire-a", 10e9, WIRE, 1), carrying("wire-b", 10e9, near(WIRE, d), 2),
                    carrying("wire-c", 10e9, near(WIRE, d / 2), 3),
                    carrying("indie-x", 12e9, ~WIRE, 4), carrying("indie-y", 12e9, 0, 5)};
            Run r = run(claims);
            assertThat(r.standing().figure().value()).isEqualTo(12e9);
            assertThat(r.standing().sources()).isEqualTo(3);
            assertThat(r.standing().agreeing()).isEqualTo(2);
            assertThat(r.standing().disagreeing()).isEqualTo(1);
            assertThat(r.standing().confidence()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(r.standing().claims()).hasSize(5); // the copies are listed, with weight 0
            assertThat(r.standing().claims()).filteredOn(WeightedEvidence::isCopy)
                    .extracting(w -> w.evidence().source(), WeightedEvidence::weight, WeightedEvidence::copyOf)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("wire-b", 0.0, "wire-a"),
                            org.assertj.core.groups.Tuple.tuple("wire-c", 0.0, "wire-a"));
            assertThat(r.emitted().get(r.emitted().size() - 1).sources()).isEqualTo(3);
            // the same claims without fingerprints: three sources against two, the figure stays at $10B
            ConsensusEngine blind = new ConsensusEngine(ConsensusConfig.defaults().withStoryDistance(-1));
            KeyHistory h = KeyHistory.of(List.of(claims));
            assertThat(blind.current(h).figure().value()).isEqualTo(10e9);
            assertThat(blind.current(h).sources()).isEqualTo(5);
        }

        @Test
        void storiesJustBeyondTheDistanceAreIndependent() {
            int d = ConsensusConfig.defaults().storyDistance();
            Run r = run(carrying("a", 10e9, WIRE, 1), carrying("b", 10e9, near(WIRE, d + 1), 2),
                    carrying("x", 12e9, 1, 3));
            assertThat(r.standing().figure().value()).isEqualTo(10e9);
            assertThat(r.standing().claims()).noneMatch(WeightedEvidence::isCopy);
        }

        @Test
        void anUnknownStoryIsNobodysCopy() {
            Run r = run(carrying("a", 10e9, 0, 1), carrying("b", 10e9, 0, 2), carrying("x", 12e9, 5, 3));
            assertThat(r.standing().figure().value()).isEqualTo(10e9);
            assertThat(r.standing().sources()).isEqualTo(3);
        }

        @Test
        void theRepresentativeIsTheHeaviestCopyThenTheEarliest() {
            ConsensusEngine e = new ConsensusEngine(ConsensusConfig.defaults().withReliability("light", 0.5));
            Standing s = e.current(KeyHistory.of(List.of(carrying("light", 10e9, WIRE, 1),
                    carrying("heavy", 10.5e9, WIRE, 2), carrying("later", 11e9, WIRE, 3))));
            assertThat(s.figure().value()).isEqualTo(10.5e9);
            assertThat(s.claims()).filteredOn(w -> !w.isCopy()).extracting(w -> w.evidence().source())
                    .containsExactly("heavy");
            // equal weights: the earliest in canonical order (event time first) stands for the story
            Standing tie = engine.current(KeyHistory.of(List.of(carrying("p", 11e9, WIRE, 2),
                    carrying("q", 10e9, near(WIRE, 1), 1))));
            assertThat(tie.figure().value()).isEqualTo(10e9);
        }

        @Test
        void copiesChainIntoOneStory() {
            int d = ConsensusConfig.defaults().storyDistance();
            long b = near(WIRE, d), c = b ^ (((1L << d) - 1) << d); // a–b and b–c within d, a–c beyond it
            assertThat(Long.bitCount(WIRE ^ c)).isGreaterThan(d);
            Standing s = engine.current(KeyHistory.of(List.of(carrying("a", 10e9, WIRE, 1),
                    carrying("b", 10e9, b, 2), carrying("c", 10e9, c, 3), carrying("x", 12e9, ~WIRE, 4),
                    carrying("y", 12e9, 0, 5))));
            assertThat(s.figure().value()).isEqualTo(12e9);
            assertThat(s.sources()).isEqualTo(3);
        }
    }

    @Nested
    class Bounds {
        @Test
        void atLeastAloneIsAHalfOpenInterval() {
            Standing s = run(claim("a", 10, AT_LEAST, REPORTED, 1)).standing();
            assertThat(s.figure()).isEqualTo(Figure.of(10, AT_LEAST));
            assertThat(s.low()).isEqualTo(10);
            assertThat(s.high()).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void atMostAloneIsAHalfOpenInterval() {
            Standing s = run(claim("a", 20, AT_MOST, REPORTED, 1)).standing();
            assertThat(s.figure()).isEqualTo(Figure.of(20, AT_MOST));
            assertThat(s.low()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(s.high()).isEqualTo(20);
        }

        @Test
        void twoLowerBoundsKeepTheTighterOne() {
            Standing s = run(claim("a", 10, AT_LEAST, REPORTED, 1), claim("b", 12, AT_LEAST, REPORTED, 2)).standing();
            assertThat(s.figure()).isEqualTo(Figure.of(12, AT_LEAST));
            assertThat(s.agreeing()).isEqualTo(2);
        }

        @Test
        void aLowerBoundAboveAnApproximateFigurePullsItToTheBound() {
            Run r = run(claim("a", 28e9, APPROX, REPORTED, 1), claim("b", 29e9, AT_LEAST, PLANNED, 2));
            assertThat(r.standing().figure()).isEqualTo(Figure.of(29e9, AT_LEAST));
            assertThat(r.standing().low()).isEqualTo(29e9);
            assertThat(r.standing().high()).isCloseTo(29.4e9, within(1.0));
            assertThat(r.emitted()).hasSize(2);
        }

        @Test
        void anUpperBoundBelowAnApproximateFigurePullsItToTheBound() {
            Standing s = run(claim("a", 15, APPROX, REPORTED, 1), claim("b", 14.5, AT_MOST, REPORTED, 2)).standing();
            assertThat(s.figure()).isEqualTo(Figure.of(14.5, AT_MOST));
            assertThat(s.low()).isCloseTo(14.25, within(1e-9));
        }

        @Test
        void disjointApproximateClaimsTakeTheNearestEndOfTheHeavierSide() {
            Standing s = run(claim("a", 15, APPROX, REPORTED, 1), claim("b", 14, APPROX, REPORTED, 2)).standing();
            // [14.25, 15.75] and [13.3, 14.7] overlap in [14.25, 14.7]; 14 (most precise) lies below it
            assertThat(s.figure().value()).isCloseTo(14.25, within(1e-9));
            assertThat(s.figure().bound()).isEqualTo(APPROX);
            assertThat(s.agreeing()).isEqualTo(2);
        }

        @Test
        void aRangeAloneIsTheFigure() {
            Run r = run(range("a", 10, 15, 1));
            assertThat(r.standing().figure()).isEqualTo(new Figure(10, 15.0, RANGE));
            assertThat(r.emitted()).singleElement().satisfies(c -> assertThat(c.after()).isEqualTo(new Figure(10, 15.0, RANGE)));
        }

        @Test
        void aRangeCutByALowerBoundBecomesTheNarrowerRange() {
            Run r = run(range("a", 10, 15, 1), claim("b", 12, AT_LEAST, REPORTED, 2));
            assertThat(r.standing().figure()).isEqualTo(new Figure(12, 15.0, RANGE));
            assertThat(r.emitted()).hasSize(2);
        }

        @Test
        void aReversedRangeIsStoredInOrderAndARangeNeedsAHighEnd() {
            Evidence e = new Evidence("a", "x", null, 15, 10.0, RANGE, PLANNED, false, "", 0, 0, 1, false);
            assertThat(e.value()).isEqualTo(10);
            assertThat(e.valueHigh()).isEqualTo(15);
            assertThatThrownBy(() -> new Evidence("a", "x", null, 15, null, RANGE, PLANNED, false, "", 0, 0, 1, false))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> exact("a", Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void evidenceOfADomainClaimKeepsItsFields() {
            io.claimstream.model.Claim c = new io.claimstream.model.Claim("art", "reuters.com", "meta", "scale-ai",
                    "investment_amount", null, 10e9, 15e9, "USD", RANGE, PLANNED, true, "$10-15 billion", 4, 18);
            Evidence e = Evidence.from(c, "https://x", 77, false);
            assertThat(e).isEqualTo(new Evidence("reuters.com", "art", "https://x", 10e9, 15e9, RANGE, PLANNED, true,
                    "$10-15 billion", 4, 18, 77, false));
        }

        @Test
        void negativeApproximateFiguresHaveAnOrderedInterval() {
            Evidence e = claim("a", -100, APPROX, REPORTED, 1);
            assertThat(e.low(0.05)).isEqualTo(-105);
            assertThat(e.high(0.05)).isEqualTo(-95);
            assertThat(run(e).standing().figure()).isEqualTo(Figure.of(-100, APPROX));
        }
    }

    @Nested
    class Weights {
        @Test
        void weightIsReliabilityTimesModalityTimesDerivedFactor() {
            ConsensusConfig c = ConsensusConfig.defaults().withReliability("r", 0.8);
            assertThat(c.weight(derived("r", 1, PROJECTED, 1))).isCloseTo(0.8 * 0.8 * 0.5, within(1e-12));
            assertThat(c.weight(exact("x", 1, 1))).isEqualTo(1.0);
            assertThat(c.weight(claim("x", 1, EXACT, SPECULATIVE, 1))).isEqualTo(0.4);
            assertThat(c.weight(claim("x", 1, EXACT, PLANNED, 1))).isEqualTo(1.0);
        }

        @Test
        void aDerivedFigureLosesToAStatedOneOfTheSameModality() {
            Run r = run(derived("a", 1.74e9, PROJECTED, 1), claim("b", 2e9, APPROX, PROJECTED, 2));
            assertThat(r.standing().figure()).isEqualTo(Figure.of(2e9, APPROX));
            assertThat(r.emitted()).hasSize(2);
        }

        @Test
        void aDerivedReportedFigureStillOutweighsASpeculativeOne() {
            Run r = run(derived("a", 10, REPORTED, 1), claim("b", 20, EXACT, SPECULATIVE, 2));
            assertThat(r.standing().figure().value()).isEqualTo(10); // 0.5 > 0.4
        }

        @Test
        void propertiesOverrideTheDefaults() {
            Properties p = new Properties();
            p.setProperty("consensus.approx.tolerance", "0.1");
            p.setProperty("consensus.move.tolerance", "0.01");
            p.setProperty("consensus.weight.speculative", "0.25");
            p.setProperty("consensus.derived.factor", "0.3");
            p.setProperty("consensus.reliability.example.com", "0.8");
            p.setProperty("consensus.default.reliability", "0.9");
            p.setProperty("unrelated.key", "x");
            ConsensusConfig c = ConsensusConfig.fromProperties(p);
            assertThat(c.approxTolerance()).isEqualTo(0.1);
            assertThat(c.moveTolerance()).isEqualTo(0.01);
            assertThat(c.modalityWeights()).containsEntry(SPECULATIVE, 0.25).containsEntry(PROJECTED, 0.8);
            assertThat(c.derivedFactor()).isEqualTo(0.3);
            assertThat(c.reliability("example.com")).isEqualTo(0.8);
            assertThat(c.reliability("other.org")).isEqualTo(0.9);
            assertThat(ConsensusConfig.fromProperties(new Properties())).isEqualTo(ConsensusConfig.defaults());
        }

        @Test
        void badPropertiesNameTheKey() {
            Properties typo = new Properties();
            typo.setProperty("consensus.weight.rumoured", "0.1");
            assertThatThrownBy(() -> ConsensusConfig.fromProperties(typo)).hasMessageContaining("consensus.weight.rumoured");
            Properties nan = new Properties();
            nan.setProperty("consensus.move.tolerance", "lots");
            assertThatThrownBy(() -> ConsensusConfig.fromProperties(nan)).hasMessageContaining("consensus.move.tolerance");
            Properties negative = new Properties();
            negative.setProperty("consensus.reliability.x", "-1");
            assertThatThrownBy(() -> ConsensusConfig.fromProperties(negative)).hasMessageContaining("consensus.reliability.x");
        }
    }

    @Nested
    class ArrivalOrder {
        @Test
        void applyingTheSameClaimTwiceChangesNothing() {
            Evidence e = exact("a", 10, 1);
            Update first = engine.apply(KeyHistory.empty(), e);
            Update again = engine.apply(first.history(), e);
            assertThat(again.changes()).isEmpty();
            assertThat(again.history()).isEqualTo(first.history());
            assertThat(again.standing()).isEqualTo(first.standing());
        }

        @Test
        void aLateClaimThatRewritesTheCurrentFigureEmitsOneCorrection() {
            // a=10 at t10 is published; b=20 at t5 arrives late: replayed, b is the incumbent at t5 and the tie at
            // t10 keeps it, so the current figure becomes 20
            Run r = run(exact("a", 10, 10), exact("b", 20, 5));
            Update late = r.updates().get(1);
            assertThat(late.changes()).singleElement().satisfies(c -> {
                assertThat(c.correction()).isTrue();
                assertThat(c.before()).isEqualTo(Figure.of(10, EXACT));
                assertThat(c.after()).isEqualTo(Figure.of(20, EXACT));
                assertThat(c.eventTime()).isEqualTo(5);
                assertThat(c.trigger().source()).isEqualTo("b");
            });
            assertThat(engine.timeline(r.history())).singleElement().satisfies(c -> {
                assertThat(c.after()).isEqualTo(Figure.of(20, EXACT));
                assertThat(c.correction()).isFalse();
            });
        }

        @Test
        void aLateClaimThatLeavesTheCurrentFigureEmitsNothingButRewritesTheTimeline() {
            Run r = run(exact("a", 10, 10), exact("b", 10, 5));
            assertThat(r.updates().get(1).changes()).isEmpty();
            assertThat(engine.timeline(r.history())).singleElement()
                    .satisfies(c -> assertThat(c.trigger().source()).isEqualTo("b"));
        }

        @Test
        void anInOrderClaimEmitsExactlyTheChangeTheTimelineGains() {
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), exact("c", 20, 3));
            List<Change> timeline = engine.timeline(r.history());
            assertThat(r.emitted()).isEqualTo(timeline);
        }

        @Test
        void aClaimAtTheNewestEventTimeIsInOrder() {
            Run r = run(exact("b", 10, 1), exact("c", 20, 1), exact("a", 20, 1));
            assertThat(r.emitted()).allSatisfy(c -> assertThat(c.correction()).isFalse());
            assertThat(r.standing().figure().value()).isEqualTo(20);
            // a sorts first at t1 and replays as the first figure, but the stream had 10: before says so
            assertThat(r.updates().get(2).changes()).singleElement().satisfies(c -> {
                assertThat(c.before()).isEqualTo(Figure.of(10, EXACT));
                assertThat(c.after()).isEqualTo(Figure.of(20, EXACT));
            });
        }

        @Test
        void standingAtSeesOnlyTheClaimsUpToThatEventTime() {
            Run r = run(exact("a", 10, 1), exact("b", 20, 2), exact("c", 20, 3));
            assertThat(engine.standingAt(r.history(), 0)).isEqualTo(Standing.empty());
            assertThat(engine.standingAt(r.history(), 2).figure().value()).isEqualTo(10);
            assertThat(engine.standingAt(r.history(), 2).claims()).hasSize(2);
            assertThat(engine.standingAt(r.history(), 99)).isEqualTo(engine.current(r.history()));
        }

        @Test
        void theHistoryIsCanonicalWhateverTheArrivalOrder() {
            Evidence x = exact("a", 10, 2), y = exact("b", 20, 1), z = Evidence.retraction("a", "a-2", 3);
            assertThat(run(x, y, z).history()).isEqualTo(run(z, y, x).history());
            assertThat(run(x, y, z).history().claims()).containsExactly(y, x, z);
        }
    }
}
