package io.claimstream.http;

import io.claimstream.avro.Consensus;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.consensus.KeyHistory;
import io.claimstream.stream.ClaimHistoryStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Interactive queries on the consensus store: which instance holds a key, and what this instance holds.
 * Answers only about this instance; {@link ConsensusApi} forwards to the others.
 */
final class ConsensusQueries {
    /** The store's name in the topology (ConsensusProcessor.STORE). */
    static final String STORE = "consensus";

    /** Where a key lives: here, on another instance, or nowhere yet (no instance has it assigned). */
    sealed interface Location {
        record Here(int partition) implements Location {}

        record Elsewhere(HostInfo host) implements Location {}

        record Unavailable() implements Location {}
    }

    /** Thrown while the store cannot be read (starting, rebalancing, restoring): the caller should retry. */
    static final class NotReady extends RuntimeException {
        NotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    ConsensusQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    Location locate(String key) {
        KeyQueryMetadata m;
        try {
            m = streams.queryMetadataForKey(STORE, key, Serdes.String().serializer());
        } catch (IllegalStateException e) { // not started yet, or shutting down
            return new Location.Unavailable();
        }
        if (m == null || m.equals(KeyQueryMetadata.NOT_AVAILABLE)) return new Location.Unavailable();
        if (m.activeHost().equals(self)) return new Location.Here(m.partition());
        return new Location.Elsewhere(m.activeHost());
    }

    Optional<Consensus> get(String key, int partition) {
        try {
            return Optional.ofNullable(store(partition).get(key));
        } catch (InvalidStateStoreException e) {
            throw new NotReady("consensus store not readable here: " + e.getMessage(), e);
        }
    }

    /** {@code key}'s claim history, from the history store of the partition that holds it here. */
    KeyHistory history(String key, int partition) {
        var params = StoreQueryParameters.fromNameAndType(ClaimHistoryStore.NAME,
                QueryableStoreTypes.<String, HistoryEntry>keyValueStore()).withPartition(partition);
        try {
            return ClaimHistoryStore.load(streams.store(params), key);
        } catch (InvalidStateStoreException e) {
            throw new NotReady("consensus history store not readable here: " + e.getMessage(), e);
        }
    }

    /** Every key this instance holds (its active partitions), filtered. */
    List<Consensus> all(Predicate<Consensus> filter) {
        List<Consensus> out = new ArrayList<>();
        try (KeyValueIterator<String, Consensus> it = store(null).all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && filter.test(kv.value)) out.add(kv.value);
            });
        } catch (InvalidStateStoreException e) {
            throw new NotReady("consensus store not readable here: " + e.getMessage(), e);
        }
        return out;
    }

    /** The other instances that hold part of the store (this one excluded). */
    List<HostInfo> others() {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata m : streams.streamsMetadataForStore(STORE)) {
            if (!m.hostInfo().equals(self) && !hosts.contains(m.hostInfo())) hosts.add(m.hostInfo());
        }
        return hosts;
    }

    private ReadOnlyKeyValueStore<String, Consensus> store(Integer partition) {
        var params = StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.<String, Consensus>keyValueStore());
        if (partition != null) params = params.withPartition(partition);
        try {
            return streams.store(params);
        } catch (InvalidStateStoreException e) {
            throw new NotReady("consensus store not readable here: " + e.getMessage(), e);
        }
    }
}
