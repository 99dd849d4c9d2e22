package io.claimstream.consensus;

import java.util.List;

/** What {@link ConsensusEngine#apply} returns: the new history to store, the standing now, and the changes to emit. */
public record Update(KeyHistory history, Standing standing, List<Change> changes) {
    public Update {
        changes = List.copyOf(changes);
    }
}
