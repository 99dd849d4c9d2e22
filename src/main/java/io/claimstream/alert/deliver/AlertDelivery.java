package io.claimstream.alert.deliver;

import io.claimstream.avro.Alert;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers the live alerts topic to the sinks with a consumer group that commits an alert's offset only after every
 * sink accepted it. A sink that fails is retried (the same alert, nothing after it on its partition jumps ahead)
 * with a growing pause, while the consumer keeps polling so the group does not drop it. Only the live topic is read:
 * a replay's alerts, in its own prefixed topic, are never delivered.
 */
public final class AlertDelivery implements AutoCloseable {
    public static final String GROUP = "alerts.group.id";
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);

    private final KafkaConsumer<String, Alert> consumer;
    private final String topic;
    private final Deliverer deliverer;
    private final Consumer<String> status;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile long committed;

    public AlertDelivery(Properties clientConfig, Topics topics, List<AlertSink> sinks, Path stateDir, Consumer<String> status) {
        Properties p = new Properties();
        clientConfig.stringPropertyNames().stream()
                .filter(ConsumerConfig.configNames()::contains)
                .forEach(k -> p.setProperty(k, clientConfig.getProperty(k)));
        String appId = clientConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID);
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, clientConfig.getProperty(GROUP, appId + "-alerts"));
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Alerts are written in exactly-once transactions; an aborted one must never be delivered.
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var alerts = topics.alerts();
        this.topic = alerts.name();
        this.consumer = new KafkaConsumer<>(p, alerts.keySerde().deserializer(), alerts.valueSerde().deserializer());
        this.deliverer = new Deliverer(sinks, stateDir, status);
        this.status = status;
        this.thread = new Thread(this::loop, "claimstream-alert-delivery");
    }

    public AlertDelivery start() {
        thread.start();
        return this;
    }

    /** Alerts whose offsets were committed: every sink has them. */
    public long committed() {
        return committed;
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic));
            Duration pause = Duration.ofMillis(500);
            while (stopping.getCount() > 0) {
                ConsumerRecords<String, Alert> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (RecordDeserializationException e) {
                    status.accept("unreadable alert at " + e.topicPartition() + "@" + e.offset() + " skipped: " + e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                boolean failed = false;
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, Alert> r : records.records(tp)) {
                        if (r.value() == null || deliverer.deliver(r.value())) {
                            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                            committed++;
                        } else {
                            // Back to this alert: the next poll hands it over again, after the pause below.
                            consumer.seek(tp, r.offset());
                            failed = true;
                            break;
                        }
                    }
                }
                if (failed) {
                    if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) break;
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                } else if (!records.isEmpty()) {
                    pause = Duration.ofMillis(500);
                }
            }
        } catch (WakeupException stop) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            status.accept("alert delivery stopped: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliverer.close();
    }
}
