package io.claimstream.ingest;

import io.claimstream.avro.Article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where every ingest source hands its articles: what this ingest already published is skipped, the rest is
 * published, and an article counts as published (and joins the seen-set) only once the broker acknowledged it.
 * What the broker never acknowledged is kept, to be reported and saved on exit.
 */
public final class IngestSink {
    /** Sends one article; the future completes when the broker acknowledged it, or fails. */
    @FunctionalInterface
    public interface Publisher {
        CompletableFuture<?> send(Article article);
    }

    private final SeenSet seen;
    private final Publisher publisher;
    private final Clock clock;
    private final Consumer<String> report;
    private final IngestStats stats = new IngestStats();
    private final Map<String, Article> inFlight = new ConcurrentHashMap<>();
    private final List<Article> failed = new ArrayList<>();

    /** @param report one line per noteworthy event (a skip with its reason, a failed send), for the terminal */
    public IngestSink(SeenSet seen, Publisher publisher, Consumer<String> report) {
        this(seen, publisher, report, Clock.systemUTC());
    }

    public IngestSink(SeenSet seen, Publisher publisher, Consumer<String> report, Clock clock) {
        this.seen = seen;
        this.publisher = publisher;
        this.report = report;
        this.clock = clock;
    }

    /** True when an article with this id was published or is being published: a feed item need not be fetched. */
    public boolean alreadyPublished(String id) {
        return seen.containsId(id) || inFlight.containsKey(id);
    }

    /** Publishes the article unless this very text was already published under its id. */
    public void offer(Article article, String origin) {
        String id = article.getId();
        String hash = ArticleIds.contentHash(article.getText());
        if (seen.contains(id, hash)) {
            stats.countSkipped("already published");
            return;
        }
        Article previous = inFlight.putIfAbsent(id, article);
        if (previous != null && ArticleIds.contentHash(previous.getText()).equals(hash)) {
            stats.countSkipped("already published");
            return;
        }
        inFlight.put(id, article);
        Instant now = clock.instant();
        if (article.getPublished() != null && article.getPublished().isAfter(now)) {
            // A story cannot be published after it was read; a future date is a feed's time-zone slip. Left as it
            // is, it would also be refused by the broker (log.message.timestamp.after.max.ms, an hour by default).
            report.accept(id + " (from " + origin + ") is dated " + article.getPublished() + ", in the future; dated now instead");
            article.setPublished(now);
        }
        CompletableFuture<?> sent;
        try {
            sent = publisher.send(article);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, error) -> {
            inFlight.remove(id, article);
            if (error == null) {
                seen.add(id, hash);
                stats.countPublished();
                synchronized (failed) {
                    if (failed.removeIf(a -> a.getId().equals(id))) stats.countSentAfterAll(); // sent on a later try
                }
            } else {
                synchronized (failed) {
                    failed.add(article);
                }
                stats.countUnsent();
                report.accept("not published " + id + " (from " + origin + "): " + rootMessage(error));
            }
        });
    }

    /** Counts an input that could not become an article, and says why on the terminal. */
    public void skip(String reason, String detail) {
        stats.countSkipped(reason);
        if (detail != null) report.accept("skipped: " + detail);
    }

    /** A line for the terminal that is not a skip. */
    public void note(String line) {
        report.accept(line);
    }

    public IngestStats stats() {
        return stats;
    }

    /** True while some article's send failed and no later try of it succeeded. */
    public boolean hasUnsent() {
        synchronized (failed) {
            return !failed.isEmpty();
        }
    }

    /** Articles the broker has not acknowledged: failed sends and those still in flight. */
    public List<Article> unsent() {
        List<Article> out;
        synchronized (failed) {
            out = new ArrayList<>(failed);
        }
        out.addAll(inFlight.values());
        return out;
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
