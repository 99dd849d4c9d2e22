package io.claimstream.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the sources of one ingest: each feed polled on its own schedule, the watch directory scanned every second,
 * and a progress line while there is news. Sources only ever hand articles to the {@link IngestSink}; publishing
 * and its bookkeeping live there.
 */
public final class IngestService implements AutoCloseable {
    static final Duration SCAN_INTERVAL = Duration.ofSeconds(1);
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final IngestSink sink;
    private final Consumer<String> status;
    private final List<FeedPoller> pollers = new ArrayList<>();
    private final DirectoryWatcher watcher;
    private ScheduledExecutorService scheduler;
    private String lastProgress = "";
    private String lastScanError;

    public IngestService(IngestConfig config, IngestSink sink, Consumer<String> status, Clock clock) {
        this.config = config;
        this.sink = sink;
        this.status = status;
        Fetcher fetcher = new Fetcher(config.limits());
        for (URI feed : config.feeds()) pollers.add(new FeedPoller(feed, fetcher, sink, config.fetchPages(), clock));
        this.watcher = config.watchDir() == null ? null : new DirectoryWatcher(config.watchDir(), sink);
    }

    public boolean hasSources() {
        return !pollers.isEmpty() || watcher != null;
    }

    /** Every feed polled once and the directory read once, now, in this thread. */
    public void runOnce() {
        pollers.forEach(this::poll);
        if (watcher != null) scan(false);
    }

    /** Starts polling in the background; returns at once. */
    public synchronized IngestService start() {
        if (scheduler != null) return this;
        // Two threads: one slow feed waits out its time limit without holding up the directory or the others for long.
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "claimstream-ingest");
            t.setDaemon(true);
            return t;
        });
        long interval = config.pollInterval().toMillis();
        for (int i = 0; i < pollers.size(); i++) {
            FeedPoller p = pollers.get(i);
            // Spread the feeds over the interval rather than fetching them all at the same instant.
            long offset = pollers.size() == 1 ? 0 : interval * i / pollers.size();
            scheduler.scheduleWithFixedDelay(() -> poll(p), offset, interval, TimeUnit.MILLISECONDS);
        }
        if (watcher != null) {
            scheduler.scheduleWithFixedDelay(() -> scan(true), 0, SCAN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(this::progress, PROGRESS_INTERVAL.toMillis(), PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        status.accept("ingesting " + pollers.size() + " feed" + (pollers.size() == 1 ? "" : "s") + " every " + config.pollInterval().toSeconds() + " s"
                + (watcher == null ? "" : " and new files in " + watcher.dir()));
        return this;
    }

    private void poll(FeedPoller p) {
        try {
            FeedPoller.Poll r = p.poll();
            if (!r.failed() && !r.notModified() && r.offered() > 0) {
                status.accept(p.feed() + ": " + r.items() + " items, " + r.offered() + " new");
            }
        } catch (RuntimeException e) {
            // A bug rather than a bad feed (those are reported by the poller); keep the schedule alive either way.
            status.accept(p.feed() + ": poll failed: " + e);
        }
    }

    private void scan(boolean settled) {
        try {
            watcher.scan(settled);
            lastScanError = null;
        } catch (RuntimeException e) {
            // Said once, not every second, until the directory is back.
            if (!String.valueOf(e.getMessage()).equals(lastScanError)) status.accept("cannot scan " + watcher.dir() + ": " + e.getMessage());
            lastScanError = String.valueOf(e.getMessage());
        }
    }

    private void progress() {
        String now = sink.stats().summary();
        if (!now.equals(lastProgress)) {
            lastProgress = now;
            status.accept(now);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler == null) return;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) status.accept("ingest threads did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }
}
