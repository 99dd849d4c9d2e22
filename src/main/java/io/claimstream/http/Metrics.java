package io.claimstream.http;

import io.claimstream.stream.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One instance's metrics in a Prometheus registry of its own (several instances may share a JVM, as in the
 * tests): claimstream's counters, fed by the processors through {@link PipelineMetrics}, and Kafka Streams' own.
 */
final class Metrics implements PipelineMetrics, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter articles = Counter.builder("claimstream.articles.read")
            .description("Articles the extractor has read").register(registry);
    private final Counter claims = Counter.builder("claimstream.claims.extracted")
            .description("Claims extracted from articles").register(registry);
    private final Counter changes = Counter.builder("claimstream.changes.emitted")
            .description("Consensus changes emitted").register(registry);
    private final Counter otherUnit = Counter.builder("claimstream.claims.other.unit")
            .description("Claims that did not vote because their unit is not their key's (the key's first claim's)").register(registry);
    private final Timer extraction = Timer.builder("claimstream.extraction")
            .description("Time to extract the claims of one article").register(registry);
    // Streams' task metrics appear only once tasks are assigned; the binder looks for new ones on this schedule.
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claimstream-metrics-refresh");
        t.setDaemon(true);
        return t;
    });
    private KafkaStreamsMetrics streamsMetrics;

    /**
     * Binds Kafka Streams' metrics, and counts dead-lettered records from them: every record the exception
     * handlers let through goes to the dead-letter topic and is counted in Streams' dropped-records metric (this
     * topology has no windows or joins, the only other droppers).
     */
    void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams, java.util.List.of(), refresher, Duration.ofSeconds(5));
        streamsMetrics.bindTo(registry);
        FunctionCounter.builder("claimstream.dead.lettered.records", streams, ks -> droppedRecords(ks))
                .description("Records that could not be read or processed, sent to the dead-letter topic")
                .register(registry);
    }

    private static double droppedRecords(KafkaStreams streams) {
        double total = 0;
        for (var e : streams.metrics().entrySet()) {
            var name = e.getKey();
            if (name.name().equals("dropped-records-total") && name.group().equals("stream-task-metrics")) {
                Object v = ((Metric) e.getValue()).metricValue();
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) total += n.doubleValue();
            }
        }
        return total;
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Override
    public void articleRead() {
        articles.increment();
    }

    @Override
    public void claimInOtherUnit() {
        otherUnit.increment();
    }

    @Override
    public void claimsExtracted(int count) {
        claims.increment(count);
    }

    @Override
    public void extractionTime(long nanos) {
        extraction.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void changesEmitted(int count) {
        changes.increment(count);
    }

    @Override
    public void close() {
        if (streamsMetrics != null) streamsMetrics.close();
        refresher.shutdownNow();
        registry.close();
    }
}
