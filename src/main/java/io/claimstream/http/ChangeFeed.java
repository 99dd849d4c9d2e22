package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimstream.avro.Alert;
import io.claimstream.avro.Article;
import io.claimstream.config.ClientConfigs;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.stream.Topics;
import io.javalin.http.sse.SseClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Tails claimstream's topics and fans each record out to every server-sent-events client:
 * <ul>
 * <li>{@code change}: a consensus change from {@code consensus-changes};
 * <li>{@code consensus}: a key's new table value from {@code consensus} (one per claim that changed its state,
 *     also when the figure did not move), so a page can refresh the key's sources and chart;
 * <li>{@code article}: an article read from {@code articles} (id, source, title);
 * <li>{@code alert}: an alert from {@code alerts} (what the watchlist found worth telling).
 * </ul>
 * read_committed, so nothing from an aborted transaction shows; no consumer group, so every instance sees every
 * partition. A new client first gets the last {@value #REPLAY} change, alert and article events. Those carry an id
 * (topic-partition-offset): a browser that reconnects sends the last one it saw as {@code Last-Event-ID} and gets
 * only what came after it, not the same events twice. Each client is sent to by its own {@link SseSubscriber}.
 */
final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    static final int REPLAY = 50;
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** {@code id} null for events not replayed (table updates): they leave the browser's last event id alone. */
    record Event(String type, String data, String id) {}

    private record Feed(String type, Deserializer<?> values, Function<Object, JsonNode> json, boolean history) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Feed> feeds = new HashMap<>();
    // Concurrent: subscribers leave from their own threads, and from Javalin's onClose.
    private final Set<SseSubscriber> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "claimstream-sse-sender");
        t.setDaemon(true);
        return t;
    });
    /** Orders a new client's replay against live events, so it gets each event once and in order. */
    private final Object order = new Object();
    private final Deque<Event> recent = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean closed;

    ChangeFeed(Properties clientConfig, Topics topics) {
        Properties p = ClientConfigs.consumer(clientConfig);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "claimstream-change-feed");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        feeds.put(topics.changes().name(), new Feed("change", topics.changes().valueSerde().deserializer(),
                v -> ConsensusJson.change((ConsensusChange) v), true));
        feeds.put(topics.consensus().name(), new Feed("consensus", topics.consensus().valueSerde().deserializer(),
                v -> ConsensusJson.summary((Consensus) v), false));
        feeds.put(topics.articles().name(), new Feed("article", topics.articles().valueSerde().deserializer(),
                v -> ConsensusJson.article((Article) v), true));
        feeds.put(topics.alerts().name(), new Feed("alert", topics.alerts().valueSerde().deserializer(),
                v -> ConsensusJson.alert((Alert) v), true));
        thread = new Thread(this::run, "claimstream-change-feed");
        thread.setDaemon(true);
    }

    ChangeFeed start() {
        thread.start();
        return this;
    }

    /** Sends the recent events (after {@code lastEventId}, when it is among them) to a new client, then every new one. */
    void add(SseClient client, String lastEventId) {
        SseSubscriber subscriber = new SseSubscriber(client, HEARTBEAT);
        client.onClose(() -> {
            subscriber.gone();
            clients.remove(subscriber);
        });
        synchronized (order) {
            boolean seen = lastEventId == null || recent.stream().noneMatch(e -> lastEventId.equals(e.id()));
            for (Event e : recent) {
                if (seen) subscriber.offer(e);
                else seen = lastEventId.equals(e.id());
            }
            clients.add(subscriber);
        }
        senders.execute(subscriber);
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextTopicCheck = 0;
        try {
            while (!closed) {
                try {
                    if (System.nanoTime() >= nextTopicCheck) {
                        assign(assigned);
                        nextTopicCheck = System.nanoTime() + TOPIC_CHECK.toNanos();
                    }
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) publish(r);
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    // The broker is away: the consumer reconnects by itself; the feed resumes where it was.
                    log.debug("change feed waiting for the broker: {}", e.toString());
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // One bad moment must not end the feed for every page open on this instance.
                    log.warn("change feed: {}", e.toString(), e);
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (!closed) log.error("change feed woken up while open", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Picks up topics that appeared since the last look (before the application has created them, say). */
    private void assign(Set<TopicPartition> assigned) {
        Map<String, List<org.apache.kafka.common.PartitionInfo>> existing;
        existing = consumer.listTopics(Duration.ofSeconds(2));
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : feeds.keySet()) {
            for (var info : existing.getOrDefault(topic, List.of())) {
                TopicPartition tp = new TopicPartition(topic, info.partition());
                if (assigned.add(tp)) added.add(tp);
            }
        }
        if (added.isEmpty()) return;
        // Assigned before their offsets are asked for: a read_committed offset answer for a partition the consumer
        // does not hold is logged as a warning, every time.
        consumer.assign(assigned);
        Map<TopicPartition, Long> ends;
        Map<TopicPartition, Long> starts;
        try {
            ends = consumer.endOffsets(added);
            starts = consumer.beginningOffsets(added);
        } catch (RuntimeException e) {
            added.forEach(assigned::remove); // look again next time
            consumer.assign(assigned);
            throw e;
        }
        for (TopicPartition tp : added) {
            // Recent history for topics replayed to new clients; the table only from now (pages query it).
            long back = feeds.get(tp.topic()).history() ? REPLAY : 0;
            consumer.seek(tp, Math.max(starts.get(tp), ends.get(tp) - back));
        }
    }

    private void publish(ConsumerRecord<byte[], byte[]> r) {
        Feed feed = feeds.get(r.topic());
        if (feed == null || r.value() == null) return;
        Event event;
        try {
            Object value = feed.values().deserialize(r.topic(), r.headers(), r.value());
            String id = feed.history() ? r.topic() + "-" + r.partition() + "-" + r.offset() : null;
            event = new Event(feed.type(), ConsensusJson.write(feed.json().apply(value)), id);
        } catch (RuntimeException e) {
            log.warn("change feed skips unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return;
        }
        synchronized (order) {
            if (feed.history()) {
                recent.addLast(event);
                while (recent.size() > REPLAY) recent.removeFirst();
            }
            for (SseSubscriber c : clients) if (!c.offer(event)) clients.remove(c);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<SseSubscriber> open = new ArrayList<>(clients);
        clients.clear();
        open.forEach(SseSubscriber::close);
        senders.shutdownNow();
    }
}
