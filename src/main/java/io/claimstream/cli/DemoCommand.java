package io.claimstream.cli;

import io.claimstream.avro.Article;
import io.claimstream.config.ClientConfigs;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.http.ClaimstreamServer;
import io.claimstream.http.HttpSettings;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job on the embedded default: start an in-process Kafka broker and schema registry,",
                "publish the seed articles (or --articles), run the topology and print each consensus change as it is",
                "emitted. Exits once every published article is processed, unless --follow."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--articles", paramLabel = "FILE", arity = "1..*",
            description = "Publish these article files (.txt, .json, .html), in the order given, instead of seeds/.")
    List<Path> articles;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds", description = "Where the seed articles are (default: ${DEFAULT-VALUE}).")
    Path seeds;

    @Option(names = "--json", description = "Print each change as one JSON object per line.")
    boolean json;

    @Option(names = "--follow", description = "Keep running after the articles are processed.")
    boolean follow;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's and the application's data here (default: a fresh temporary directory, removed on exit).")
    Path dataDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Give up if processing takes longer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    ConfigOptions config;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        List<Path> files = articles != null ? articles : ArticleFiles.list(seeds);
        if (files.isEmpty()) {
            System.err.println("claimstream demo: no article files in " + seeds);
            return 2;
        }
        List<Article> toPublish = ArticleFiles.readAll(files);
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("claimstream-demo") : dataDir;
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir, 0, 0)) {
            status("Kafka (KRaft) on %s, schema registry on %s, data in %s", cluster.bootstrapServers(), cluster.registryUrl(), dir);
            Properties defaults = StreamsSettings.defaults();
            defaults.putAll(cluster.clientConfig());
            defaults.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "claimstream-demo");
            defaults.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
            // A free port unless configured: a demo must not fail because something else holds 8080.
            defaults.setProperty(HttpSettings.PORT, "0");
            Properties cfg = config.load(defaults);
            try (ClaimstreamServer server = ClaimstreamServer.start(cfg)) {
                ClaimstreamApp app = server.app();
                status("dashboard and API on %s", server.url());
                app.awaitRunning(Duration.ofSeconds(60));
                try (ChangeTail tail = new ChangeTail(cfg, app.topics());
                     ArticlePublisher publisher = new ArticlePublisher(cfg, app.topics());
                     Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                    publish(publisher, toPublish);
                    follow(tail, new Progress(admin, app.applicationId()), app);
                }
                if (!json) printTable(app);
            }
        } finally {
            if (temporary) deleteRecursively(dir);
        }
        return 0;
    }

    private void publish(ArticlePublisher publisher, List<Article> list) {
        // Articles without a published time get event times increasing with their position.
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < list.size(); i++) publisher.publish(list.get(i), base.plusSeconds(i));
        publisher.flush();
        status("published %d article%s", list.size(), list.size() == 1 ? "" : "s");
    }

    private void follow(ChangeTail tail, Progress progress, ClaimstreamApp app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        List<String> inputs = progress.inputs(app.topics());
        while (true) {
            tail.poll(Duration.ofMillis(100), this::print);
            if (follow) continue;
            if (progress.lag(inputs) == 0 && tail.atEnd()) {
                tail.poll(Duration.ZERO, this::print);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("articles not processed within " + timeoutSeconds + " s");
            }
        }
    }

    private void print(ConsensusChange change) {
        out.println(json ? ChangeOutput.json(change) : ChangeOutput.text(change));
    }

    private void printTable(ClaimstreamApp app) {
        var store = app.streams().store(StoreQueryParameters.fromNameAndType("consensus", QueryableStoreTypes.<String, Consensus>keyValueStore()));
        out.println();
        out.println("Consensus now:");
        try (KeyValueIterator<String, Consensus> all = store.all()) {
            all.forEachRemaining(kv -> {
                Consensus c = kv.value;
                out.printf("  %-45s %-22s %d source%s, %d agree%n", kv.key,
                        ChangeOutput.describe(c.getFigure(), c.getUnit()), c.getClaims().size(),
                        c.getClaims().size() == 1 ? "" : "s", c.getAgreeing());
            });
        }
    }

    private static void status(String format, Object... args) {
        System.err.println("claimstream: " + String.format(format, args));
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("claimstream: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
