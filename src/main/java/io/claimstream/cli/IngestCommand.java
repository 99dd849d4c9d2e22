package io.claimstream.cli;

import io.claimstream.ingest.IngestConfig;
import io.claimstream.ingest.KafkaIngest;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish articles to the articles topic from RSS/Atom feeds (polled; each item's page fetched for its main",
                "text), a watched directory of .txt/.json/.html files, and JSON lines on standard input.",
                "Feeds and the directory also come from the configuration (ingest.feeds, ingest.watch.dir).",
                "What was published before (same id and text) is skipped, across runs. Runs until stopped unless --once."})
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll (repeatable; adds to ingest.feeds).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--watch", paramLabel = "DIR", description = "Publish article files appearing in DIR (overrides ingest.watch.dir).")
    Path watch;

    @Option(names = "--stdin", description = "Read articles as JSON lines ({\"url\",\"source\",\"published\",\"title\",\"text\"}) from standard input.")
    boolean stdin;

    @Option(names = "--once", description = "Poll each feed once and read the directory once, then exit.")
    boolean once;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Time between polls of a feed, e.g. 60s, 5m (overrides ingest.poll.interval).")
    String interval;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the seen-set and unsent articles are kept (overrides ingest.state.dir, default data/ingest).")
    Path stateDir;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        if (interval != null) cfg.setProperty("ingest.poll.interval", interval);
        IngestConfig ingest;
        try {
            ingest = configure(IngestConfig.fromProperties(cfg), feeds, watch, stateDir);
        } catch (IllegalArgumentException e) {
            System.err.println("claimstream ingest: " + e.getMessage());
            return 2;
        }
        if (ingest.feeds().isEmpty() && ingest.watchDir() == null && !stdin) {
            System.err.println("claimstream ingest: nothing to ingest: give --feed URL, --watch DIR or --stdin (or ingest.feeds / ingest.watch.dir)");
            return 2;
        }
        if (ingest.watchDir() != null && !Files.isDirectory(ingest.watchDir())) {
            System.err.println("claimstream ingest: watch directory " + ingest.watchDir() + " does not exist");
            return 2;
        }
        KafkaIngest run = new KafkaIngest(cfg, new Topics(StreamsSettings.serdeConfig(cfg)), ingest, IngestCommand::status);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.close();
            closed.countDown();
        }, "claimstream-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean sources = run.service().hasSources();
        if (once) run.service().runOnce();
        else if (sources) run.service().start();
        if (stdin) run.readStdin(System.in);
        if (!once && sources) {
            closed.await(); // until Ctrl-C / SIGTERM; the hook closes and reports
            return 0;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        run.close();
        return run.sink().unsent().isEmpty() ? 0 : 1;
    }

    static IngestConfig configure(IngestConfig fromProperties, List<String> feeds, Path watch, Path stateDir) {
        IngestConfig c = fromProperties.withFeeds(feeds.stream().map(IngestConfig::feedUri).toList());
        if (watch != null) c = c.withWatchDir(watch);
        if (stateDir != null) c = c.withStateDir(stateDir);
        return c;
    }

    static void status(String line) {
        System.err.println("claimstream ingest: " + line);
    }

}
