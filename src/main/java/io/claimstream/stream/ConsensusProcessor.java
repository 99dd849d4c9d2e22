package io.claimstream.stream;

import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.Change;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.Corroboration;
import io.claimstream.consensus.Evidence;
import io.claimstream.consensus.Figure;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.consensus.Standing;
import io.claimstream.consensus.Update;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds each claim into its key's consensus and decides, here and nowhere else, whether the figure moved.
 *
 * <p>Change events are emitted by this processor rather than read off the table's changelog: the record cache
 * conflates updates within a commit interval, so changes derived from {@code toStream()} could vanish.
 *
 * <p>Two stores: {@code consensus} holds each key's standing, with the figure of its last change, which is all an
 * in-order claim needs ({@link ConsensusEngine#advance}: one evaluation); {@link ClaimHistoryStore} holds every
 * claim with the checkpoint of the key's replay after it, appended to, and read whole only for what needs the
 * past: a late claim, a retraction, a redelivery of the newest claims, and compaction. A late claim is evaluated
 * from its own place on ({@link ConsensusEngine#apply(KeyHistory, List, Evidence)}), not from the key's first claim.
 */
final class ConsensusProcessor implements Processor<String, io.claimstream.avro.Claim, String, ConsensusProcessor.Outcome> {
    static final String STORE = "consensus";

    /**
     * What one claim did to its key: the new table value, the changes it caused (often none), and, when it moved
     * nothing but joined the agreeing sources, its corroboration.
     */
    record Outcome(Consensus consensus, List<ConsensusChange> changes, List<io.claimstream.avro.Corroboration> corroborations) {}

    private final ConsensusEngine engine;
    private final PipelineMetrics metrics;
    private final int historyLimit;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, Consensus> store;
    private KeyValueStore<String, HistoryEntry> history;

    /** @param historyLimit claims kept per key, 0 for all (see {@link KeyHistory#compacted}) */
    ConsensusProcessor(ConsensusEngine engine, PipelineMetrics metrics, int historyLimit) {
        this.engine = engine;
        this.metrics = metrics;
        this.historyLimit = historyLimit;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.history = context.getStateStore(ClaimHistoryStore.NAME);
    }

    @Override
    public void process(Record<String, io.claimstream.avro.Claim> record) {
        if (record.value() == null) throw new IllegalArgumentException("claim record has no value (key " + record.key() + ")");
        String key = record.key();
        Consensus previous = store.get(key);
        String unit = unit(previous, record.value());
        // A figure in another currency is not comparable without an exchange rate at its event time: it does not
        // vote, and is counted (claimstream_claims_other_unit_total) so that a key covered in two currencies shows.
        if (!record.value().getRetracted() && !unit.equals(record.value().getUnit())) {
            metrics.claimInOtherUnit();
            return;
        }
        Evidence claim = AvroMapping.toEvidence(record.value());

        Consensus next;
        List<Change> changes;
        Standing standing;
        if (inOrder(previous, claim)) {
            ConsensusEngine.Advance step = previous == null
                    ? engine.advance(List.of(), null, null, claim)
                    : engine.advance(AvroMapping.currentClaims(previous), AvroMapping.figure(previous.getFigure()),
                    AvroMapping.figure(previous.getPublished()), claim);
            record(key, claim, new ConsensusEngine.Checkpoint(step.standing().figure(), step.published()));
            int size = (previous == null ? 0 : previous.getHistorySize()) + 1;
            if (historyLimit > 0 && size > historyLimit + Math.max(1, historyLimit / 4)) {
                // Compacting in batches: reading the whole history for every claim past the limit is what this
                // store exists to avoid.
                size = compact(key, ClaimHistoryStore.load(history, key));
            }
            next = AvroMapping.toConsensus(key, unit, step.standing(), step.published(), size, claim.eventTime());
            changes = step.changes();
            standing = step.standing();
        } else {
            ClaimHistoryStore.Stored past = ClaimHistoryStore.loadWithCheckpoints(history, key);
            ConsensusEngine.Resumed resumed = engine.apply(past.history(), past.checkpoints(), claim);
            Update update = resumed.update();
            if (update.history() == past.history()) return; // a claim seen before: replays and re-polls change nothing
            // the claim's own entry, and those after it whose checkpoint the rewritten past has moved
            List<Evidence> claims = update.history().claims();
            for (int i = resumed.from(); i < claims.size(); i++) {
                ConsensusEngine.Checkpoint now = resumed.checkpoints().get(i);
                if (i == resumed.from() || !now.equals(past.checkpoints().get(i - 1))) record(key, claims.get(i), now);
            }
            int size = update.history().size();
            if (historyLimit > 0 && size > historyLimit) size = compact(key, update.history());
            next = AvroMapping.toConsensus(key, unit, update.standing(), update.published(), size,
                    update.history().latestEventTime());
            changes = update.changes();
            standing = update.standing();
        }
        store.put(key, next);
        List<ConsensusChange> out = new ArrayList<>(changes.size());
        for (Change change : changes) out.add(AvroMapping.toChange(key, unit, change));
        metrics.changesEmitted(out.size());
        int agreeingBefore = previous == null ? 0 : previous.getAgreeing();
        List<io.claimstream.avro.Corroboration> corroborations = Corroboration.of(claim, agreeingBefore, standing, changes)
                .map(c -> List.of(AvroMapping.toCorroboration(key, unit, c))).orElse(List.of());
        context.forward(record.withValue(new Outcome(next, out, corroborations)));
    }

    /**
     * A claim newer than everything the key holds that withdraws nothing: the stored standing is the replay's last
     * step, so one evaluation gives what the replay would.
     */
    private static boolean inOrder(Consensus previous, Evidence claim) {
        if (claim.retracted()) return false;
        return previous == null || claim.eventTime() > previous.getEventTime().toEpochMilli();
    }

    private void record(String key, Evidence claim, ConsensusEngine.Checkpoint after) {
        history.put(ClaimHistoryStore.entryKey(key, claim), AvroMapping.historyEntry(claim, after));
    }

    /** Cuts the key's stored history to the limit ({@link KeyHistory#compacted}); returns its new size. */
    private int compact(String key, KeyHistory whole) {
        KeyHistory kept = whole.compacted(historyLimit);
        Set<Evidence> keep = new HashSet<>(kept.claims());
        for (Evidence e : whole.claims()) {
            if (!keep.contains(e)) history.delete(ClaimHistoryStore.entryKey(key, e));
        }
        return kept.size();
    }

    /** The key's unit is its first claim's; a retraction carries none. */
    private static String unit(Consensus previous, io.claimstream.avro.Claim claim) {
        if (previous != null && !previous.getUnit().isEmpty()) return previous.getUnit();
        return claim.getUnit();
    }
}
