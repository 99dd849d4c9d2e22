package io.claimstream.replay;

import io.claimstream.config.ClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Reads a whole topic as it stands now: every committed record (read_committed, so nothing from an aborted
 * exactly-once transaction), from the beginning to the current end, without joining a consumer group.
 */
public final class TopicReader {
    private TopicReader() {}

    public static <K, V> List<ConsumerRecord<K, V>> readAll(Properties clientConfig, String topic,
                                                           Deserializer<K> keys, Deserializer<V> values, Duration timeout) {
        Properties p = ClientConfigs.consumer(clientConfig);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(p, keys, values)) {
            var infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) throw new IllegalStateException("topic " + topic + " does not exist");
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            var ends = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        // Partitions interleave arbitrarily as they are fetched; partition then offset is the order they were
        // written in, per key, and the same on every read.
        out.sort(Comparator.<ConsumerRecord<K, V>>comparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        return out;
    }
}
