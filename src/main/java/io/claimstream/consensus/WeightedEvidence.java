package io.claimstream.consensus;

/**
 * One current claim behind a standing: its weight (reliability × modality weight × derived factor) and whether it
 * agrees, i.e. its interval covers the consensus region.
 */
public record WeightedEvidence(Evidence evidence, double weight, boolean agrees) {
}
