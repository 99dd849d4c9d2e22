package io.claimstream.it;

import io.claimstream.avro.ConsensusChange;
import io.claimstream.replay.Replay;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The reference for the fault tests: the change events an undisturbed run of the same topology emits over the
 * articles topic as it stands, computed by {@link Replay} under a fresh application id (its own output topics,
 * removed afterwards). With the articles in one partition the order is the same on every run.
 */
final class UninterruptedRun {
    private UninterruptedRun() {}

    static List<ConsensusChange> changes(Properties clusterConfig) throws Exception {
        return Replay.run(clusterConfig, Duration.ofSeconds(300), lag -> {}).changes();
    }
}
