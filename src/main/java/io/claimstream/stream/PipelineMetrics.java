package io.claimstream.stream;

/**
 * What the processors report about their own work, for /metrics. An interface rather than a metrics library in
 * the processors: the topology stays testable without one, and {@link #NONE} costs nothing.
 */
public interface PipelineMetrics {
    PipelineMetrics NONE = new PipelineMetrics() {};

    default void articleRead() {}

    default void claimsExtracted(int count) {}

    default void extractionTime(long nanos) {}

    default void changesEmitted(int count) {}

    /** A claim that did not vote: its unit is not its key's (see {@link ConsensusProcessor}). */
    default void claimInOtherUnit() {}
}
