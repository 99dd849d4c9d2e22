package io.claimstream.ingest;

import io.claimstream.avro.Article;
import io.claimstream.stream.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * An ingest publishing to Kafka: the sources of {@link IngestService}, the idempotent producer, the seen-set and
 * the unsent file under the state directory. On close, whatever the broker never acknowledged (an outage) is
 * reported and saved to {@code unsent.jsonl}, and sent first by the next ingest with the same state directory.
 */
public final class KafkaIngest implements AutoCloseable {
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Duration closeTimeout;
    private final IngestConfig config;
    private final Consumer<String> status;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SeenSet seen;
    private final ArticlePublisher publisher;
    private final IngestSink sink;
    private final IngestService service;

    public KafkaIngest(Properties clientConfig, Topics topics, IngestConfig config, Consumer<String> status) {
        this.config = config;
        this.status = status;
        this.closeTimeout = IngestConfig.duration(clientConfig, "ingest.close.timeout", CLOSE_TIMEOUT);
        try {
            Files.createDirectories(config.stateDir());
            lockChannel = FileChannel.open(config.stateDir().resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the ingest state directory " + config.stateDir(), e);
        }
        if (lock == null) {
            closeQuietly();
            throw new IllegalStateException("another ingest is using " + config.stateDir() + "; give this one its own (--state-dir or ingest.state.dir)");
        }
        this.seen = new SeenSet(config.stateDir().resolve("seen.tsv"));
        this.publisher = new ArticlePublisher(clientConfig, topics);
        this.sink = new IngestSink(seen, a -> publisher.send(a, Instant.now()), status);
        this.service = new IngestService(config, sink, status, Clock.systemUTC());
        resendUnsent();
    }

    public IngestService service() {
        return service;
    }

    public IngestSink sink() {
        return sink;
    }

    /** Reads JSON lines to the end; lines that are not articles are kept in {@code rejected.jsonl} and named on exit. */
    public long readStdin(InputStream in) throws IOException {
        Path rejectedFile = config.stateDir().resolve("rejected.jsonl");
        long[] rejected = {0};
        long lines = StdinLines.read(in, sink, Clock.systemUTC(), line -> {
            try {
                Files.writeString(rejectedFile, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                rejected[0]++;
            } catch (IOException e) {
                status.accept("cannot keep a rejected line in " + rejectedFile + ": " + e.getMessage());
            }
        });
        if (rejected[0] > 0) status.accept(rejected[0] + " line(s) that were not articles are kept in " + rejectedFile);
        return lines;
    }

    /** Waits until every article handed over so far is acknowledged (or failed). */
    public void flush() {
        publisher.flush();
    }

    private Path unsentFile() {
        return config.stateDir().resolve("unsent.jsonl");
    }

    private void resendUnsent() {
        Path file = unsentFile();
        if (!Files.exists(file)) return;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            status.accept("sending " + lines.size() + " article(s) left unsent by the last ingest (" + file + ")");
            for (String line : lines) {
                if (line.isBlank()) continue;
                try {
                    sink.offer(ArticleJson.parse(line, Instant.now()), file.toString());
                } catch (IOException | RuntimeException e) {
                    sink.skip("bad input", file + ": " + e.getMessage());
                }
            }
            // They are now in flight; should they fail again, close() writes them back.
            Files.delete(file);
        } catch (IOException e) {
            status.accept("cannot read " + file + ": " + e.getMessage() + "; it is left in place");
        }
    }

    /** Stops the sources, waits for the broker's acknowledgements, saves and reports what was not sent. */
    @Override
    public void close() {
        try {
            service.close();
            publisher.close(closeTimeout);
            List<Article> unsent = sink.unsent();
            if (!unsent.isEmpty()) {
                StringBuilder lines = new StringBuilder();
                for (Article a : unsent) lines.append(ArticleJson.toJson(a)).append('\n');
                try {
                    Files.writeString(unsentFile(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    status.accept(unsent.size() + " article(s) not acknowledged by the broker, saved to " + unsentFile()
                            + " and sent first next time: " + String.join(", ", unsent.stream().map(Article::getId).toList()));
                } catch (IOException e) {
                    status.accept(unsent.size() + " article(s) NOT SENT and not saved (" + e.getMessage() + "): "
                            + String.join(", ", unsent.stream().map(Article::getId).toList()));
                }
            }
            status.accept("ingest summary: " + sink.stats().summary());
        } finally {
            seen.close();
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (lock != null) lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
