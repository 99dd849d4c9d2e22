package io.claimstream.cli;

import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads consensus-changes from the beginning as they are committed. read_committed: a change from an aborted
 * exactly-once transaction never shows. Single-threaded, like the consumer it wraps.
 */
final class ChangeTail implements AutoCloseable {
    private final KafkaConsumer<String, ConsensusChange> consumer;
    private final List<TopicPartition> partitions;

    ChangeTail(Properties clientConfig, Topics topics) {
        Properties p = ClientConfigs.consumer(clientConfig);
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var topic = topics.changes();
        consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        partitions = consumer.partitionsFor(topic.name()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Hands every change that arrives within {@code wait} to {@code onChange}; returns how many. */
    int poll(Duration wait, Consumer<ConsensusChange> onChange) {
        int n = 0;
        for (ConsumerRecord<String, ConsensusChange> r : consumer.poll(wait)) {
            onChange.accept(r.value());
            n++;
        }
        return n;
    }

    /** True once every change committed so far has been handed over (end offsets are read_committed ones). */
    boolean atEnd() {
        var ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
