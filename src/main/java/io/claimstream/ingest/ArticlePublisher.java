package io.claimstream.ingest;

import io.claimstream.avro.Article;
import io.claimstream.config.ClientConfigs;
import io.claimstream.stream.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Publishes articles to the articles topic, keyed by article id, timestamped with their event time. */
public final class ArticlePublisher implements AutoCloseable {
    private final KafkaProducer<String, Article> producer;
    private final Topics.Topic<String, Article> topic;

    public ArticlePublisher(Properties clientConfig, Topics topics) {
        Properties p = ClientConfigs.producer(clientConfig);
        // Idempotent and acknowledged by every replica: a retried send never duplicates an article.
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, clientConfig.getProperty("producer.linger.ms", "5"));
        // Ride out a broker outage of a few minutes (restart, leader move) instead of failing the article: an
        // accepted send is retried until delivery.timeout.ms (Kafka's default 2 min), and send() itself blocks
        // up to max.block.ms (default 1 min) when metadata is missing or the buffer is full. 5 min each unless
        // the configuration says otherwise; idempotence keeps the retries free of duplicates.
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        this.topic = topics.articles();
        this.producer = new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Sends one article; its record timestamp is its published time, else {@code fallbackTime}. */
    public Future<RecordMetadata> publish(Article article, Instant fallbackTime) {
        long timestamp = recordTimestamp(article, fallbackTime);
        return producer.send(new ProducerRecord<>(topic.name(), null, timestamp, article.getId(), article));
    }

    /** Sends one article; the future completes once the broker acknowledged it, or fails once the producer gave up. */
    public CompletableFuture<RecordMetadata> send(Article article, Instant fallbackTime) {
        long timestamp = recordTimestamp(article, fallbackTime);
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic.name(), null, timestamp, article.getId(), article), (meta, error) -> {
            if (error == null) acked.complete(meta);
            else acked.completeExceptionally(error);
        });
        return acked;
    }

    /**
     * The published time, never later than now: brokers refuse records stamped more than an hour ahead
     * (log.message.timestamp.after.max.ms), and a mis-zoned feed date must not lose the article. The article
     * itself keeps its published time, which is what event time is read from.
     */
    static long recordTimestamp(Article article, Instant fallbackTime) {
        long stamped = (article.getPublished() != null ? article.getPublished() : fallbackTime).toEpochMilli();
        return Math.min(stamped, System.currentTimeMillis());
    }

    public RecordMetadata publishAndWait(Article article, Instant fallbackTime) throws ExecutionException, InterruptedException {
        return publish(article, fallbackTime).get();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Closes within {@code timeout}: sends still unacknowledged then fail, and their futures say so. */
    public void close(java.time.Duration timeout) {
        producer.close(timeout);
    }
}
