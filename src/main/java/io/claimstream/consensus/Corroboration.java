package io.claimstream.consensus;

import java.util.List;
import java.util.Optional;

/**
 * A claim that joined the sources agreeing with the figure without moving it. The rule keeps it apart from changes:
 * a new agreeing source never emits a change, but readers may want to hear that the figure now stands on more
 * sources.
 *
 * @param figure    the figure, unchanged by the claim
 * @param trigger   the claim
 * @param agreeing  how many sources agree with the figure now
 * @param sources   how many sources stand behind the key
 * @param eventTime the claim's event time
 */
public record Corroboration(Figure figure, Evidence trigger, int agreeing, int sources, long eventTime) {

    /**
     * What {@code claim} corroborated, if anything: it moved nothing, it counts (weight above 0: a copy of another
     * source's story does not) and agrees with the figure, and the agreeing side grew (a source restating what it
     * already said, or a copy, leaves it as it was).
     *
     * @param agreeingBefore how many sources agreed before the claim
     * @param after          the standing after it
     * @param changes        the changes it caused
     */
    public static Optional<Corroboration> of(Evidence claim, int agreeingBefore, Standing after, List<Change> changes) {
        if (claim.retracted() || !changes.isEmpty() || after.figure() == null || after.agreeing() <= agreeingBefore) {
            return Optional.empty();
        }
        for (WeightedEvidence w : after.claims()) {
            if (w.evidence().equals(claim)) {
                return w.agrees() && w.weight() > 0
                        ? Optional.of(new Corroboration(after.figure(), claim, after.agreeing(), after.sources(),
                        claim.eventTime()))
                        : Optional.empty();
            }
        }
        return Optional.empty(); // not a current claim: an older claim of its source, arriving late
    }
}
