package io.claimstream.bench;

import io.claimstream.avro.Article;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.TopicAdmin;
import io.claimstream.stream.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The benchmark behind {@code claimstream bench}, on the embedded broker, in one run:
 * <ol>
 *   <li>pass-through: articles copied to another topic with the same Avro serdes, exactly-once (the ceiling);</li>
 *   <li>the full claimstream topology over the same articles, exactly-once;</li>
 *   <li>publish-to-change latency at a steady rate, each article opening new keys (so each moves a figure);</li>
 *   <li>replay of many articles by the full topology in a child JVM with a capped heap.</li>
 * </ol>
 * Rates are measured from the application reaching RUNNING to its committed offsets covering every input record
 * (so both include exactly-once commits); the two are compared as a ratio taken in the same run.
 */
public final class Bench {
    public record Options(int articles, int warmupArticles, long seed, int latencyRate, int latencySeconds, int warmupSeconds,
                          long replayArticles, String replayHeap, int replayMaxSeconds, Path dataDir, Map<String, String> overrides,
                          Consumer<String> log) {}

    private final Options o;
    private final Map<String, Object> summary = new LinkedHashMap<>();

    public Bench(Options options) {
        this.o = options;
    }

    public Map<String, Object> run() throws Exception {
        summary.put("date", Instant.now().toString());
        summary.put("machine", machine());
        summary.put("config", Map.of("articles", o.articles, "warmup_articles", o.warmupArticles, "seed", o.seed, "latency_rate_per_s", o.latencyRate,
                "latency_seconds", o.latencySeconds, "replay_articles", o.replayArticles, "replay_heap", o.replayHeap, "replay_max_seconds", o.replayMaxSeconds,
                "overrides", o.overrides));
        summary.put("load_average_start", load());
        if (o.articles > 0) {
            Path dir = o.dataDir.resolve("cluster");
            try (EmbeddedCluster cluster = EmbeddedCluster.start(dir, 0, 0)) {
                Properties base = base(cluster, dir);
                createTopics(base);
                long warmup = 0;
                if (o.warmupArticles > 0) {
                    // Both topologies first run, unmeasured, over other articles of their own: what is measured is
                    // the steady state of a running application, not the JIT compiling it (half the CPU of a cold
                    // 30,000-article run went to the compiler threads).
                    ArticleGenerator other = ArticleGenerator.forArticles(o.seed + 1, o.warmupArticles);
                    publish(base, other, o.warmupArticles, "w");
                    warmup = o.warmupArticles;
                    Map<String, Object> w = new LinkedHashMap<>();
                    w.put("articles", o.warmupArticles);
                    w.put("pass_through", passThrough(base, "bench-warmup-pass-through", o.warmupArticles, 0));
                    ExtractionClock clock = new ExtractionClock();
                    try (ClaimstreamApp app = fullApp(base, "bench-warmup-full", clock)) {
                        Map<String, Object> full = measure(base, app.streams(), app.applicationId(),
                                fullInputs(app.applicationId()), o.warmupArticles, 0, () -> app.start());
                        full.putAll(clock.summary());
                        w.put("full", full);
                    }
                    summary.put("warmup", w);
                }
                ArticleGenerator gen = ArticleGenerator.forArticles(o.seed, o.articles);
                Map<String, Object> published = publish(base, gen, o.articles, "");
                summary.put("articles", published);
                Map<String, Object> pass = passThrough(base, "bench-pass-through", o.articles, warmup);
                summary.put("pass_through", pass);
                Map<String, Object> full = new LinkedHashMap<>();
                summary.put("full", full);
                ExtractionClock clock = new ExtractionClock();
                try (ClaimstreamApp app = fullApp(base, "bench-full", clock)) {
                    full.putAll(measure(base, app.streams(), app.applicationId(), fullInputs(app.applicationId()),
                            o.articles, warmup, () -> app.start()));
                    full.putAll(clock.summary());
                    double ratio = (double) full.get("articles_per_s") / (double) pass.get("articles_per_s");
                    summary.put("full_over_pass_through", round(ratio, 3));
                    if (o.latencySeconds > 0) summary.put("latency", latency(base, gen));
                }
            }
        }
        if (o.replayArticles > 0) summary.put("replay", replay());
        summary.put("load_average_end", load());
        return summary;
    }

    // ---------------------------------------------------------------- parts 1 and 2

    private Properties base(EmbeddedCluster cluster, Path dir) {
        Properties p = StreamsSettings.defaults();
        p.putAll(cluster.clientConfig());
        p.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        o.overrides.forEach(p::setProperty);
        return p;
    }

    /** The topics the bench reads and writes, kept forever: the generated coverage has event times months back. */
    private void createTopics(Properties base) throws Exception {
        Topics topics = new Topics(StreamsSettings.serdeConfig(base));
        // Under the broker's default 7-day retention segments with such event times would be deleted as they roll.
        try (Admin admin = Admin.create(ClientConfigs.admin(base))) {
            List<NewTopic> keep = new ArrayList<>();
            for (String name : List.of(topics.articles().name(), topics.changes().name(), topics.deadLetters(), PASS_THROUGH_OUT)) {
                keep.add(new NewTopic(name, 1, (short) 1).configs(Map.of("retention.ms", "-1")));
            }
            admin.createTopics(keep).all().get();
        }
        TopicAdmin.ensureTopics(base, topics, 1);
    }

    /** Appends n generated articles to the articles topic, their ids prefixed so that runs never share one. */
    private Map<String, Object> publish(Properties base, ArticleGenerator gen, long n, String idPrefix) throws Exception {
        Topics topics = new Topics(StreamsSettings.serdeConfig(base));
        long bytes = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, Article> producer = bulkProducer(base, topics)) {
            for (long i = 0; i < n; i++) {
                Article a = gen.article(i);
                a.setId(idPrefix + a.getId());
                bytes += a.getText().length();
                producer.send(new ProducerRecord<>(topics.articles().name(), null, a.getPublished().toEpochMilli(),
                        a.getId(), a));
                if (i > 0 && i % 100_000 == 0) o.log.accept(String.format("published %,d articles", i));
            }
            producer.flush();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        o.log.accept(String.format("published %,d articles (%.1f MB of text) in %.1f s", n, bytes / 1e6, secs));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", n);
        m.put("mean_text_bytes", round((double) bytes / n, 0));
        m.put("publish_per_s", round(n / secs, 0));
        return m;
    }

    private static KafkaProducer<String, Article> bulkProducer(Properties base, Topics topics) {
        Properties p = ClientConfigs.producer(base);
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return new KafkaProducer<>(p, topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
    }

    private static final String PASS_THROUGH_OUT = "bench-pass-through-articles";

    private Map<String, Object> passThrough(Properties base, String appId, long articles, long from) throws Exception {
        Properties p = (Properties) base.clone();
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        Topics topics = new Topics(StreamsSettings.serdeConfig(p));
        StreamsBuilder b = new StreamsBuilder();
        var in = topics.articles();
        b.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .to(PASS_THROUGH_OUT, Produced.with(in.keySerde(), in.valueSerde()));
        Properties streamsConfig = new Properties();
        p.stringPropertyNames().stream().filter(k -> !k.startsWith("consensus.") && !k.startsWith("claimstream."))
                .forEach(k -> streamsConfig.setProperty(k, p.getProperty(k)));
        try (KafkaStreams streams = new KafkaStreams(b.build(streamsConfig), streamsConfig)) {
            return measure(p, streams, appId, List.of(in.name()), articles, from, streams::start);
        }
    }

    private ClaimstreamApp fullApp(Properties base, String appId, ExtractionClock clock) {
        Properties p = (Properties) base.clone();
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        return new ClaimstreamApp(p, new Topics(StreamsSettings.serdeConfig(p)), clock);
    }

    /** Time the full topology's stream threads spend in the extractor, and the claims it returns. */
    private static final class ExtractionClock implements io.claimstream.stream.PipelineMetrics {
        private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.atomic.LongAdder articles = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.atomic.LongAdder claims = new java.util.concurrent.atomic.LongAdder();

        @Override
        public void extractionTime(long n) {
            nanos.add(n);
            articles.increment();
        }

        @Override
        public void claimsExtracted(int count) {
            claims.add(count);
        }

        Map<String, Object> summary() {
            long n = Math.max(1, articles.sum());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("extraction_ms_per_article", round(nanos.sum() / 1e6 / n, 3));
            m.put("claims_per_article", round((double) claims.sum() / n, 2));
            return m;
        }
    }

    private static List<String> fullInputs(String appId) {
        return List.of(Topics.ARTICLES, appId + "-claims-repartition");
    }

    /**
     * Starts the application at offset {@code from} of the articles topic and times it from RUNNING to caught up on
     * every input topic.
     */
    private Map<String, Object> measure(Properties p, KafkaStreams streams, String appId, List<String> inputs,
                                        long articles, long from, Runnable start) throws Exception {
        if (from > 0) {
            try (Admin admin = Admin.create(ClientConfigs.admin(p))) {
                admin.alterConsumerGroupOffsets(appId, Map.of(new TopicPartition(Topics.ARTICLES, 0),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(from))).all().get();
            }
        }
        double load0 = load();
        long c0 = processCpu();
        Map<Long, Long> threads0 = ThreadCpu.snapshot();
        long t0 = System.nanoTime();
        start.run();
        // The clock starts at the first record processed, not at RUNNING: with several stream threads one of them
        // processes while the others are still being assigned, and the state is RUNNING only once all are.
        while (processed(streams) == 0) {
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) throw new TimeoutException(appId + " processed nothing");
            Thread.sleep(1);
        }
        long tFirst = System.nanoTime();
        try (Admin admin = Admin.create(ClientConfigs.admin(p))) {
            Progress progress = new Progress(admin, appId);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            long lastLog = System.nanoTime();
            // The exact check (six admin requests) only once the cheap one (two) says caught up: polled every 20 ms,
            // the exact one alone cost the measured application a fifth of the machine's CPU.
            while (!(progress.committedUpToStable(inputs) && progress.lag(inputs) == 0)) {
                if (System.nanoTime() > deadline) throw new TimeoutException(appId + ": " + progress.lag(inputs) + " records left");
                if (System.nanoTime() - lastLog > 10e9) {
                    o.log.accept(appId + ": lag " + progress.lag(inputs));
                    lastLog = System.nanoTime();
                }
                Thread.sleep(20);
            }
        }
        long tDone = System.nanoTime();
        double secs = (tDone - tFirst) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articles_per_s", round(articles / secs, 1));
        m.put("seconds", round(secs, 2));
        m.put("startup_seconds", round((tFirst - t0) / 1e9, 2));
        long cpu = processCpu() - c0;
        m.put("process_cpu_seconds", round(cpu / 1e9, 1));
        m.put("cpu_ms_per_article", round(cpu / 1e6 / articles, 3));
        m.put("thread_cpu_seconds", ThreadCpu.since(threads0, cpu));
        m.put("load_average", round((load0 + load()) / 2, 2));
        o.log.accept(String.format("%s: %,d articles in %.1f s = %.0f articles/s", appId, articles, secs, articles / secs));
        return m;
    }

    // ---------------------------------------------------------------- part 3

    private Map<String, Object> latency(Properties base, ArticleGenerator gen) throws Exception {
        Topics topics = new Topics(StreamsSettings.serdeConfig(base));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicBoolean stop = new AtomicBoolean();
        int total = o.latencyRate * (o.latencySeconds + o.warmupSeconds);
        int warmup = o.latencyRate * o.warmupSeconds;
        Properties cp = ClientConfigs.consumer(base);
        cp.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cp.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cp.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var changes = topics.changes();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        int[] missing = {0};
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, ConsensusChange> c = new KafkaConsumer<>(cp, new StringDeserializer(),
                    changes.valueSerde().deserializer())) {
                List<TopicPartition> parts = new ArrayList<>();
                c.partitionsFor(changes.name()).forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
                c.assign(parts);
                c.seekToEnd(parts);
                parts.forEach(c::position);
                ready.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<String, ConsensusChange> r : c.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        String article = r.value().getTrigger().getArticleId();
                        Long t = sentAt.get(article);
                        if (t == null || seen.putIfAbsent(article, true) != null) continue;
                        int index = Integer.parseInt(article.substring(1));
                        if (index >= warmup) all.recordValue(Math.max(1, (now - t) / 1000));
                    }
                }
            }
        }, "bench-latency-reader");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) throw new TimeoutException("latency reader not ready");

        Properties pp = ClientConfigs.producer(base);
        pp.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        pp.setProperty(ProducerConfig.LINGER_MS_CONFIG, "0");
        double load0 = load();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(pp, topics.articles().keySerde().serializer(),
                topics.articles().valueSerde().serializer())) {
            List<Article> batch = new ArrayList<>(total);
            for (int i = 0; i < total; i++) batch.add(gen.moving(i));
            long period = 1_000_000_000L / o.latencyRate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    if (wait > 2_000_000) Thread.sleep(1); else Thread.onSpinWait();
                }
                Article a = batch.get(i);
                // event time = now: the articles are live coverage
                long now = System.nanoTime();
                sentAt.put(a.getId(), now);
                producer.send(new ProducerRecord<>(topics.articles().name(), null, System.currentTimeMillis(), a.getId(), a));
            }
            producer.flush();
            o.log.accept(String.format("latency: sent %d articles at %.1f/s", total,
                    total / ((System.nanoTime() - start) / 1e9)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.size() < total && System.nanoTime() < deadline) Thread.sleep(50);
        stop.set(true);
        reader.join(5000);
        missing[0] = total - seen.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate_per_s", o.latencyRate);
        m.put("measured_articles", all.getTotalCount());
        m.put("warmup_articles", warmup);
        m.put("articles_without_change", missing[0]);
        m.put("p50_ms", ms(all.getValueAtPercentile(50)));
        m.put("p95_ms", ms(all.getValueAtPercentile(95)));
        m.put("p99_ms", ms(all.getValueAtPercentile(99)));
        m.put("max_ms", ms(all.getMaxValue()));
        m.put("mean_ms", round(all.getMean() / 1000, 1));
        m.put("load_average", round((load0 + load()) / 2, 2));
        o.log.accept(String.format("latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d articles)",
                ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(95)), ms(all.getValueAtPercentile(99)),
                all.getTotalCount()));
        return m;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0, 1);
    }

    // ---------------------------------------------------------------- part 4

    private Map<String, Object> replay() throws Exception {
        Path dir = o.dataDir.resolve("replay");
        Map<String, Object> m = new LinkedHashMap<>();
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir, 0, 0)) {
            Properties base = base(cluster, dir);
            ArticleGenerator gen = ArticleGenerator.forArticles(o.seed, o.replayArticles);
            m.put("articles", o.replayArticles);
            createTopics(base);
            m.put("published", publish(base, gen, o.replayArticles, ""));
            Path state = dir.resolve("replay-state");
            String appId = "bench-replay";
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + o.replayHeap, "-XX:+UseG1GC"));
            String jfr = System.getProperty("claimstream.bench.replay.jfr");
            if (jfr != null) cmd.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ReplayWorker.class.getName(),
                    cluster.bootstrapServers(), cluster.registryUrl(), appId, state.toString()));
            o.overrides.forEach((k, v) -> cmd.add(k + "=" + v));
            Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                long t0 = System.nanoTime();
                String line;
                while ((line = out.readLine()) != null && !line.equals("RUNNING")) {
                    // the worker prints nothing else before RUNNING
                }
                if (line == null) throw new IOException("replay worker exited before RUNNING");
                long tRunning = System.nanoTime();
                double load0 = load();
                long processed = o.replayArticles;
                boolean completed = true;
                try (Admin admin = Admin.create(ClientConfigs.admin(base))) {
                    Progress progress = new Progress(admin, appId);
                    long lastLog = System.nanoTime();
                    while (true) {
                        long lag = progress.lag(fullInputs(appId));
                        if (lag == 0) break;
                        if (System.nanoTime() - tRunning > o.replayMaxSeconds * 1e9) {
                            // out of time: what was processed (committed) so far, at the rate so far
                            var committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
                            processed = committed.entrySet().stream()
                                    .filter(e -> e.getKey().topic().equals(Topics.ARTICLES))
                                    .mapToLong(e -> e.getValue().offset()).sum();
                            completed = false;
                            o.log.accept(String.format("replay: stopped after %d s with %,d of %,d articles processed",
                                    o.replayMaxSeconds, processed, o.replayArticles));
                            break;
                        }
                        if (!child.isAlive()) throw new IOException("replay worker died (exit " + child.exitValue() + ")");
                        if (System.nanoTime() - lastLog > 30e9) {
                            o.log.accept(String.format("replay: lag %,d after %.0f s", lag, (System.nanoTime() - tRunning) / 1e9));
                            lastLog = System.nanoTime();
                        }
                        Thread.sleep(200);
                    }
                }
                long tDone = System.nanoTime();
                double secs = (tDone - tRunning) / 1e9;
                m.put("completed", completed);
                m.put("processed_articles", processed);
                m.put("articles_per_s", round(processed / secs, 1));
                if (!completed) m.put("projected_seconds_for_all", round(o.replayArticles / (processed / secs), 0));
                m.put("seconds", round(secs, 1));
                m.put("startup_seconds", round((tRunning - t0) / 1e9, 1));
                m.put("state_store_bytes", size(state));
                m.put("load_average", round((load0 + load()) / 2, 2));
                try (Writer w = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                    w.write("stop\n");
                }
                String memory = out.readLine();
                if (memory != null) m.put("child_jvm", new com.fasterxml.jackson.databind.ObjectMapper().readValue(memory, Map.class));
                child.waitFor(60, TimeUnit.SECONDS);
                o.log.accept(String.format("replay: %,d articles in %.1f s = %.0f articles/s, state %.1f MB",
                        processed, secs, processed / secs, size(state) / 1e6));
            } finally {
                if (child.isAlive()) child.destroy();
            }
        }
        return m;
    }

    private static double processed(KafkaStreams streams) {
        return streams.metrics().values().stream()
                .filter(m -> m.metricName().name().equals("process-total") && m.metricName().group().equals("stream-thread-metrics"))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a RocksDB file removed by a compaction while we walk
                }
            }).sum();
        }
    }

    // ---------------------------------------------------------------- machine

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) m.put("memory_bytes", sun.getTotalMemorySize());
        return m;
    }

    static double load() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }
}
