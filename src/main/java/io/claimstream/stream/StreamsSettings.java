package io.claimstream.stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** claimstream's defaults for Kafka Streams; every one can be overridden by configuration. */
public final class StreamsSettings {
    public static final String DEFAULT_APPLICATION_ID = "claimstream";

    private StreamsSettings() {}

    public static Properties defaults() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Latency: Streams' producer lingers 100 ms by default, which dominates publish-to-change time.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
        // A change becomes visible after two transactions in series (the claims repartition, then the consensus
        // outputs), so publish-to-change latency is about two commit intervals: at 100 ms the bench measured p99
        // 415 ms at 100 articles/s, at 30 ms 183 ms, with no throughput lost in the same runs (`claimstream bench`).
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "30");
        // A record that cannot be read or processed goes to the dead-letter topic with the error in its headers
        // (Kafka's own __streams.errors.* headers), and processing goes on.
        // A registry that is down is not the record's fault: those fail the stream thread, which is replaced and
        // retries (see ErrorHandlers), instead of dead-lettering good records.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorHandlers.Deserialization.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorHandlers.Processing.class.getName());
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorHandlers.Production.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        p.put("processing.exception.handler.global.enabled", "true");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put("auto.register.schemas", "true");
        return p;
    }

    /** Commit interval of a reprocessing of history (replay, verify), unless configured. */
    public static final String REPLAY_COMMIT_INTERVAL = "replay.commit.interval.ms";
    /** Stream threads of a reprocessing of history, unless configured. */
    public static final String REPLAY_STREAM_THREADS = "replay.num.stream.threads";

    /**
     * The configuration for reprocessing history (the replay and verify commands, the bench's replay): a batch
     * job, where no one waits on a change, so it commits once a second instead of every 30 ms (each exactly-once
     * commit is a transaction, and the live interval is set by latency) and runs two stream threads, so that the
     * two halves of the topology (extraction, consensus) work side by side. Measured on 200,000 articles, 2 cores,
     * one session: 748 articles/s with the live settings, 1,034 with the commit interval alone, 1,273 with both.
     */
    public static Properties forReplay(Properties config) {
        Properties p = new Properties();
        p.putAll(config);
        p.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getProperty(REPLAY_COMMIT_INTERVAL, "1000"));
        p.setProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getProperty(REPLAY_STREAM_THREADS, "2"));
        return p;
    }

    /** The subset of the configuration the Avro serdes read (they ignore what they do not know). */
    public static Map<String, Object> serdeConfig(Properties p) {
        Map<String, Object> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
