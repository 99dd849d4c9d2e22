package io.claimstream.consensus;

import java.util.List;

/**
 * What {@link ConsensusEngine#apply} returns: the new history to store, the standing now, the figure of the
 * history's last change (what subscribers last heard: the next change is measured from it), and the changes to emit.
 */
public record Update(KeyHistory history, Standing standing, Figure published, List<Change> changes) {
    public Update {
        changes = List.copyOf(changes);
    }
}
