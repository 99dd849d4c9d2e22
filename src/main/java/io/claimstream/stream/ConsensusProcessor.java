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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    /**
     * Where the replay of each recently touched key's history ended (LRU, in memory only). With it, a claim newer
     * than the key's history costs one evaluation instead of a replay of the whole history. It is a cache, never
     * the truth: an entry is used only when it matches the stored history (size, newest event time and figure),
     * otherwise the engine replays; it is emptied whenever the task is (re)initialised.
     */
    private final Map<String, ConsensusEngine.Tail> tails = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConsensusEngine.Tail> eldest) {
            return size() > TAIL_CACHE_KEYS;
        }
    };
    /** About 200 bytes an entry: 20 MB at most. 20,000 covered only the last ~5,000 articles' keys (1M replay: 24% replays). */
    static final int TAIL_CACHE_KEYS = 100_000;

    private final int historyLimit;

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
        tails.clear();
    }

    @Override
    public void close() {
        tails.clear();
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
        ConsensusEngine.Tail tail = tails.get(key);
        if (tail != null && (previous == null || !tail.matches(history)
                || !Objects.equals(AvroMapping.figure(tail.figure()), previous.getFigure()))) {
            tail = null;
        }
        ConsensusEngine.Step step = engine.apply(history, tail, AvroMapping.toEvidence(record.value()));
        Update update = step.update();
        if (update.history().equals(history)) return; // a claim seen before: replays and re-polls change nothing

        KeyHistory kept = update.history().compacted(historyLimit);
        ConsensusEngine.Tail t = step.tail();
        tails.put(key, new ConsensusEngine.Tail(kept.size(), kept.latestEventTime(), t.figure(), t.published()));
        Consensus next = AvroMapping.toConsensus(key, unit, kept, update.standing());
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
