package io.claimstream.consensus;

/**
 * One current claim behind a standing: its weight (reliability × modality weight × derived factor) and whether it
 * agrees, i.e. its interval covers the consensus region.
 *
 * <p>{@code copyOf} is set when the claim's article is a copy of the same wire story as another current claim's
 * (see {@link ConsensusConfig#storyDistance()}): it names the source whose claim counts for the story. A copy has
 * weight 0, does not agree, and is counted neither among the agreeing or disagreeing claims nor among the sources.
 */
public record WeightedEvidence(Evidence evidence, double weight, boolean agrees, String copyOf) {

    /** A claim that is nobody's copy. */
    public WeightedEvidence(Evidence evidence, double weight, boolean agrees) {
        this(evidence, weight, agrees, null);
    }

    /** Whether this claim is a copy of another source's story and so does not count. */
    public boolean isCopy() {
        return copyOf != null;
    }
}
