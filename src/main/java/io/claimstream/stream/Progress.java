package io.claimstream.stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * How far a Streams application has got: its committed offsets against the end of its input topics. Commits
 * happen with each exactly-once transaction, so "caught up" means every record published so far has been
 * processed and its outputs committed.
 */
public final class Progress {
    private final Admin admin;
    private final String applicationId;

    public Progress(Admin admin, String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
    }

    /** The application's input topics: the articles and its own claims repartition topic. */
    public List<String> inputs(Topics topics) {
        return List.of(topics.articles().name(), applicationId + "-" + topics.claims().name() + "-repartition");
    }

    /**
     * Records not yet processed, summed over the input topics' partitions: those between the committed offset and
     * the last stable offset, plus those of transactions not yet decided. The second part matters after a crash:
     * the dead instance's open transaction holds the last stable offset back where its committed offset already
     * is, so without it the application would look caught up before its successor had even started.
     */
    public long lag(List<String> topicNames) throws ExecutionException, InterruptedException {
        // Committed offsets first, then the ends: a zero lag then also covers the claims that the last processed
        // articles wrote to the repartition topic in the same transaction as their offset commit.
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        var described = admin.describeTopics(existing(topicNames)).allTopicNames().get();
        described.forEach((name, d) -> d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        var logEnd = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        latest.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
        var logStart = admin.listOffsets(earliest).all().get();
        long lag = 0;
        for (var e : stable.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long lastStable = e.getValue().offset();
            // No commit yet: the group starts at the log start, which retention or deletion may have moved past 0.
            long from = c != null ? c.offset() : logStart.get(e.getKey()).offset();
            lag += Math.max(0, lastStable - from);
            lag += Math.max(0, logEnd.get(e.getKey()).offset() - lastStable);
        }
        return lag;
    }

    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    /**
     * A cheap first look for pollers (two admin requests, against the six of {@link #lag}): whether every committed
     * offset of the inputs has reached its partition's last stable offset. True does not yet mean caught up (an
     * open transaction, a partition never committed): confirm with {@link #lag}.
     */
    public boolean committedUpToStable(List<String> topicNames) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        if (!partitions.keySet().containsAll(topicNames)) {
            admin.describeTopics(existing(topicNames)).allTopicNames().get().forEach((name, d) -> partitions.put(name,
                    d.partitions().stream().map(p -> new TopicPartition(name, p.partition())).toList()));
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.values().forEach(ps -> ps.stream().filter(committed::containsKey).forEach(tp -> latest.put(tp, OffsetSpec.latest())));
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        return stable.entrySet().stream().allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset());
    }

    private List<String> existing(List<String> names) throws ExecutionException, InterruptedException {
        var all = admin.listTopics().names().get();
        return names.stream().filter(all::contains).toList();
    }

    /** Waits until nothing published so far is left unprocessed; reports the lag as it falls. */
    public void awaitCaughtUp(List<String> topicNames, Duration timeout, java.util.function.LongConsumer onLag)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long lag = lag(topicNames);
            onLag.accept(lag);
            if (lag == 0) return;
            if (System.nanoTime() > deadline) throw new TimeoutException(lag + " records still unprocessed after " + timeout);
            Thread.sleep(100);
        }
    }
}
