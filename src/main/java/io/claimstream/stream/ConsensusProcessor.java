package io.claimstream.stream;

import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.consensus.Change;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.consensus.Update;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds each claim into its key's consensus and decides, here and nowhere else, whether the figure moved.
 *
 * <p>Change events are emitted by this processor rather than read off the table's changelog: the record cache
 * conflates updates within a commit interval, so changes derived from {@code toStream()} could vanish.
 */
final class ConsensusProcessor implements Processor<String, io.claimstream.avro.Claim, String, ConsensusProcessor.Outcome> {
    static final String STORE = "consensus";

    /** What one claim did to its key: the new table value and the changes it caused (often none). */
    record Outcome(Consensus consensus, List<ConsensusChange> changes) {}

    private final ConsensusEngine engine;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, Consensus> store;

    ConsensusProcessor(ConsensusEngine engine) {
        this(engine, PipelineMetrics.NONE);
    }

    ConsensusProcessor(ConsensusEngine engine, PipelineMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, io.claimstream.avro.Claim> record) {
        if (record.value() == null) throw new IllegalArgumentException("claim record has no value (key " + record.key() + ")");
        String key = record.key();
        Consensus previous = store.get(key);
        String unit = unit(previous, record.value());
        // A figure in another currency is not comparable without an exchange rate at its event time; it stays
        // on the claims topic for audit but does not vote here.
        if (!record.value().getRetracted() && !unit.equals(record.value().getUnit())) return;
        KeyHistory history = AvroMapping.history(previous);
        Update update = engine.apply(history, AvroMapping.toEvidence(record.value()));
        if (update.history().equals(history)) return; // a claim seen before: replays and re-polls change nothing

        Consensus next = AvroMapping.toConsensus(key, unit, update.history(), update.standing());
        store.put(key, next);
        List<ConsensusChange> changes = new ArrayList<>(update.changes().size());
        for (Change change : update.changes()) changes.add(AvroMapping.toChange(key, unit, change));
        metrics.changesEmitted(changes.size());
        context.forward(record.withValue(new Outcome(next, changes)));
    }

    /** The key's unit is its first claim's; a retraction carries none. */
    private static String unit(Consensus previous, io.claimstream.avro.Claim claim) {
        if (previous != null && !previous.getUnit().isEmpty()) return previous.getUnit();
        return claim.getUnit();
    }
}
