package io.claimstream.stream;

import io.claimstream.alert.Watchlist;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.serde.SchemaRegistryClients;
import io.claimstream.serde.SchemaRegistryException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the topology: creates the topics it needs, starts Kafka Streams with an uncaught-exception handler and a
 * state listener, and closes cleanly. The topology itself ({@link ClaimstreamTopology}) knows none of this.
 */
public final class ClaimstreamApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClaimstreamApp.class);
    /** Partitions of the topics claimstream creates; existing topics keep theirs. */
    public static final String PARTITIONS = "claimstream.topic.partitions";
    /** Claims kept per key in the consensus store (0: all); see {@link io.claimstream.consensus.KeyHistory#compacted}. */
    public static final String HISTORY_LIMIT = "consensus.history.limit";
    public static final int DEFAULT_HISTORY_LIMIT = 0;

    private final Properties config;
    private final Topics topics;
    private final KafkaStreams streams;
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    /** Completed, with why, when Kafka Streams stops on its own (ERROR, or NOT_RUNNING without {@link #close}). */
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    /** Why the uncaught-exception handler shut the client down, if it did. */
    private final AtomicReference<String> shutdownReason = new AtomicReference<>();
    private volatile boolean closing;
    /** Back-off before replacing a thread that stopped on a registry outage: 1 s, doubling, at most this. */
    private static final long MAX_RETRY_BACKOFF_MS = 15_000;
    private final AtomicLong registryBackoffMs = new AtomicLong();

    public ClaimstreamApp(Properties config) {
        this(config, new Topics(StreamsSettings.serdeConfig(config)));
    }

    public ClaimstreamApp(Properties config, Topics topics) {
        this(config, topics, PipelineMetrics.NONE);
    }

    public ClaimstreamApp(Properties config, Topics topics, PipelineMetrics metrics) {
        this.config = config;
        this.topics = topics;
        ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.fromProperties(config));
        Properties streamsConfig = streamsOnly(config);
        int historyLimit = Integer.parseInt(config.getProperty(HISTORY_LIMIT, String.valueOf(DEFAULT_HISTORY_LIMIT)).trim());
        ClaimstreamTopology.Options options = ClaimstreamTopology.Options.defaults()
                .withWatchlist(Watchlist.fromProperties(config)).withMetrics(metrics).withHistoryLimit(historyLimit);
        this.streams = new KafkaStreams(
                ClaimstreamTopology.build(topics, new ClaimExtractor(), engine, options, streamsConfig), streamsConfig);
        streams.setUncaughtExceptionHandler(this::onUncaught);
        streams.setStateListener((now, before) -> {
            log.info("claimstream {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) running.complete(null);
            if (now == KafkaStreams.State.ERROR || (now == KafkaStreams.State.NOT_RUNNING && !closing)) {
                String why = shutdownReason.get();
                stopped.complete("Kafka Streams stopped (" + now + ")" + (why == null ? "" : ": " + why));
            }
        });
    }

    /** Kafka Streams warns about every property it does not know; hand it only the ones it might use. */
    private static Properties streamsOnly(Properties all) {
        Properties p = new Properties();
        all.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("consensus.") && !k.startsWith("claimstream.") && !k.startsWith("ingest.")
                        && !k.startsWith("alerts.") && !k.startsWith("http.") && !k.startsWith("replay."))
                .forEach(k -> p.setProperty(k, all.getProperty(k)));
        return p;
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaught(Throwable e) {
        // Poison records never get here (they go to the dead-letter topic); this is infrastructure trouble, and a
        // fresh thread resumes from the last commit, exactly once.
        SchemaRegistryException refused = ErrorHandlers.registryRefused(e);
        if (refused != null) {
            // Wrong credentials are not an outage: no new thread will get past them, so stop and say why. One line,
            // no stack trace, no secret (the URLs with any user info hidden, the status, not the registry's message).
            String reason = ErrorHandlers.refusal(config.getProperty(SchemaRegistryClients.SCHEMA_REGISTRY_URL, ""), refused.status());
            shutdownReason.compareAndSet(null, reason);
            log.error("{}; stopping", reason);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (ErrorHandlers.registryUnavailable(e) != null) {
            // A registry outage would otherwise replace threads in a tight loop, each one failing on the same
            // record: back off (on the dying thread) before the next attempt. One line, no stack trace: the cause
            // is already known.
            long wait = Math.min(MAX_RETRY_BACKOFF_MS, registryBackoffMs.updateAndGet(b -> b == 0 ? 1_000 : Math.min(MAX_RETRY_BACKOFF_MS, b * 2)));
            log.error("stream thread stopped: schema registry unavailable ({}); retrying in {} ms",
                    ErrorHandlers.registryUnavailable(e).getMessage(), wait);
            sleep(wait);
        } else {
            registryBackoffMs.set(0);
            log.error("stream thread failed; replacing it", e);
        }
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    public ClaimstreamApp start() {
        TopicAdmin.ensureTopics(config, topics, Integer.parseInt(config.getProperty(PARTITIONS, "1")));
        streams.start();
        return this;
    }

    /**
     * Waits until Kafka Streams is RUNNING.
     *
     * @throws IllegalStateException at once if it stops instead (e.g. the registry refused our credentials), saying why
     */
    public void awaitRunning(Duration timeout) throws InterruptedException, TimeoutException {
        Object first;
        try {
            first = CompletableFuture.anyOf(running, stopped).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("Kafka Streams not RUNNING after " + timeout + " (state " + streams.state() + ")");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // neither future completes exceptionally
        }
        if (first instanceof String why) throw new IllegalStateException(why);
    }

    /**
     * Completes, with a one-line reason, when Kafka Streams stops on its own: it reached ERROR (e.g. the registry
     * refused our credentials), or NOT_RUNNING without {@link #close()}. Never completes on a clean close.
     */
    public CompletableFuture<String> stopped() {
        return stopped;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topics topics() {
        return topics;
    }

    public String applicationId() {
        return config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    @Override
    public void close() {
        closing = true;
        streams.close(Duration.ofSeconds(30));
    }

    /**
     * Closes and leaves the consumer group at once, for a run that will not come back (a replay): otherwise the
     * group keeps the member until its session times out and cannot be deleted.
     */
    public void closeForGood() {
        closing = true;
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
