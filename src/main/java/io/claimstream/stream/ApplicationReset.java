package io.claimstream.stream;

import io.claimstream.config.ClientConfigs;
import io.claimstream.serde.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Puts the application back where it stood before its first run, so that the next run reprocesses the whole
 * {@code articles} topic: after an extractor upgrade, say, whose claims should replace the old ones. Every
 * instance must be stopped first.
 *
 * <p>What goes: the consumer group (so the input is read from its start), Streams' internal topics (changelogs and
 * repartition topics) and their registry subjects, this machine's local state, and the records of every output, so
 * that {@code consensus-changes} holds one history and not two ({@code verify} compares it with a replay): the
 * delete-policy outputs are truncated to their end ({@code deleteRecords}), the compacted {@code consensus} table
 * gets a tombstone per key, as a table's readers expect to learn of a removed row. What stays: {@code articles},
 * the output topics themselves with their configuration and schemas, and any replay running under a derived id.
 *
 * <p>Alerts derived again keep their ids where the change is the same ({@code Alerts.id}): webhook receivers drop
 * them by {@code Idempotency-Key}, the console and log sinks by their delivered-alerts log.
 */
public final class ApplicationReset {
    /** What a reset removes; printed before it is carried out. */
    /** @param truncated each delete-policy output and how many offsets it holds */
    public record Plan(String applicationId, List<String> internalTopics, Map<String, Long> truncated,
                       int tombstones, List<String> subjects, Path localState) {
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add("consumer group " + applicationId + ": deleted, so articles are read again from the start");
            lines.add(internalTopics.isEmpty() ? "internal topics: none" : "internal topics deleted: " + String.join(", ", internalTopics));
            truncated.forEach((topic, offsets) -> lines.add("output " + topic + ": truncated, " + offsets
                    + " offset(s) deleted (records and transaction markers)"));
            lines.add("output " + Topics.CONSENSUS + ": " + tombstones + " key(s) removed by tombstones");
            if (!subjects.isEmpty()) lines.add("registry subjects deleted: " + String.join(", ", subjects));
            lines.add(Files.isDirectory(localState) ? "local state deleted: " + localState : "local state: none at " + localState);
            return lines;
        }
    }

    private final Properties config;
    private final Topics topics;
    private final SchemaRegistryClient registry;
    private final String applicationId;

    public ApplicationReset(Properties config, Topics topics, SchemaRegistryClient registry) {
        this.config = config;
        this.topics = topics;
        this.registry = registry;
        this.applicationId = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID);
    }

    /**
     * Waits up to {@code wait} for the group to have no member (an instance stopped without leaving it stays until
     * its session times out), then says what a reset would remove. Changes nothing.
     *
     * @throws IllegalStateException if an instance still belongs to the group
     */
    public Plan plan(Duration wait) throws InterruptedException {
        try (Admin admin = Admin.create(ClientConfigs.admin(config))) {
            awaitNoMembers(admin, wait);
            Set<String> names = admin.listTopics().names().get();
            List<String> internal = names.stream().filter(this::isInternal).sorted().toList();
            Map<String, Long> truncated = new LinkedHashMap<>();
            for (String topic : List.of(topics.changes().name(), topics.corroborations().name(), topics.alerts().name(), topics.deadLetters())) {
                if (names.contains(topic)) truncated.put(topic, recordsIn(admin, topic));
            }
            int keys = names.contains(topics.consensus().name()) ? liveKeys().size() : 0;
            List<String> subjects = registry.subjects().stream()
                    .filter(s -> internal.stream().anyMatch(t -> s.equals(t + "-key") || s.equals(t + "-value"))).sorted().toList();
            return new Plan(applicationId, internal, truncated, keys, subjects, localState());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the cluster at " + config.getProperty("bootstrap.servers") + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Carries the plan out; run {@link #plan} first, with every instance stopped. */
    public void execute(Plan plan) throws InterruptedException {
        try (Admin admin = Admin.create(ClientConfigs.admin(config))) {
            awaitNoMembers(admin, Duration.ZERO);
            try {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) throw e;
            }
            if (!plan.internalTopics().isEmpty()) admin.deleteTopics(plan.internalTopics()).all().get();
            for (String topic : plan.truncated().keySet()) truncate(admin, topic);
            tombstoneEveryKey();
            for (String subject : plan.subjects()) {
                registry.deleteSubject(subject, false);
                registry.deleteSubject(subject, true);
            }
            deleteRecursively(plan.localState());
        } catch (ExecutionException e) {
            throw new IllegalStateException("reset of " + applicationId + " stopped part way (run it again to finish): "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Streams' own topics for this application id: {@code <id>-<name>-changelog} and {@code -repartition}. A
     * replay's ({@code <id>-replay-...}) belong to it, not to us.
     */
    boolean isInternal(String topic) {
        return topic.startsWith(applicationId + "-") && !topic.startsWith(applicationId + "-replay-")
                && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }

    private void awaitNoMembers(Admin admin, Duration wait) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            ConsumerGroupDescription group;
            try {
                group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) return;
                throw e;
            }
            if (group == null || group.members().isEmpty() || group.groupState() == GroupState.DEAD) return;
            if (System.nanoTime() >= deadline) {
                List<String> who = group.members().stream().map(m -> m.clientId() + " on " + m.host()).toList();
                throw new IllegalStateException("application " + applicationId + " still has " + who.size()
                        + " instance(s) in its group: " + String.join(", ", who) + ". Stop every instance first (one "
                        + "that stopped without leaving the group stays until its session times out)");
            }
            Thread.sleep(500);
        }
    }

    private Map<TopicPartition, Long> ends(Admin admin, String topic, OffsetSpec spec) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        for (int p = 0; p < partitions; p++) request.put(new TopicPartition(topic, p), spec);
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request).all().get().entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    private long recordsIn(Admin admin, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> start = ends(admin, topic, OffsetSpec.earliest());
        long n = 0;
        for (var end : ends(admin, topic, OffsetSpec.latest()).entrySet()) n += end.getValue() - start.getOrDefault(end.getKey(), 0L);
        return n;
    }

    private void truncate(Admin admin, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, RecordsToDelete> upTo = new HashMap<>();
        ends(admin, topic, OffsetSpec.latest()).forEach((tp, end) -> upTo.put(tp, RecordsToDelete.beforeOffset(end)));
        admin.deleteRecords(upTo).all().get();
    }

    /** The keys of the consensus table that still have a value (the latest record of each key is not a tombstone). */
    private Set<byte[]> liveKeys() {
        Properties p = ClientConfigs.consumer(config);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<ByteBuffer, Boolean> live = new HashMap<>();
        String topic = topics.consensus().name();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    live.put(ByteBuffer.wrap(r.key()), r.value() != null);
                }
            }
        }
        Set<byte[]> keys = new LinkedHashSet<>();
        live.forEach((k, isLive) -> { if (isLive) keys.add(k.array()); });
        return keys;
    }

    private void tombstoneEveryKey() throws InterruptedException, ExecutionException {
        Set<byte[]> keys = liveKeys();
        if (keys.isEmpty()) return;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientConfigs.producer(config),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (byte[] key : keys) sent.add(producer.send(new ProducerRecord<>(topics.consensus().name(), key, null)));
            for (var f : sent) f.get();
        }
    }

    private Path localState() {
        Properties p = new Properties();
        p.putAll(config);
        String dir = new StreamsConfig(p).getString(StreamsConfig.STATE_DIR_CONFIG);
        return Path.of(dir).resolve(applicationId);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the local state " + dir + ": " + e.getMessage(), e);
        }
    }
}
