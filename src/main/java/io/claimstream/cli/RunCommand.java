package io.claimstream.cli;

import io.claimstream.alert.Watchlist;
import io.claimstream.alert.deliver.AlertDelivery;
import io.claimstream.alert.deliver.AlertSinks;
import io.claimstream.config.Settings;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.http.ClaimstreamServer;
import io.claimstream.ingest.IngestConfig;
import io.claimstream.ingest.KafkaIngest;
import io.claimstream.serde.SchemaRegistryClients;
import io.claimstream.serde.SchemaRegistryException;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.ErrorHandlers;
import io.claimstream.stream.StreamsSettings;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the claimstream application until stopped (Ctrl-C / SIGTERM).",
                "Without --embedded it connects to the cluster and registry named by bootstrap.servers and schema.registry.url."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--embedded", description = "Start an in-process Kafka broker (KRaft) and schema registry and run against them.")
    boolean embedded;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "With --embedded: where broker, registry and state live; survives restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "With --embedded: the broker's port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "With --embedded: the registry's port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--feed", paramLabel = "URL", description = "Also ingest this RSS or Atom feed (repeatable; adds to ingest.feeds).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--watch", paramLabel = "DIR", description = "Also ingest article files appearing in DIR (overrides ingest.watch.dir).")
    Path watch;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        EmbeddedCluster cluster = null;
        Properties defaults = StreamsSettings.defaults();
        if (embedded) {
            for (int port : new int[] {kafkaPort, registryPort}) {
                if (!Ports.free(port)) {
                    System.err.printf("claimstream run: port %d is in use (another claimstream or Kafka?); choose others with --kafka-port and --registry-port%n", port);
                    return 2;
                }
            }
            cluster = EmbeddedCluster.start(dataDir.toAbsolutePath(), kafkaPort, registryPort);
            defaults.putAll(cluster.clientConfig());
            defaults.setProperty(StreamsConfig.STATE_DIR_CONFIG, dataDir.toAbsolutePath().resolve("streams").toString());
            System.err.printf("claimstream: Kafka (KRaft) on %s, schema registry on %s, data in %s%n",
                    cluster.bootstrapServers(), cluster.registryUrl(), dataDir.toAbsolutePath());
        }
        Properties cfg = config.load(defaults);
        for (String required : new String[] {"bootstrap.servers", "schema.registry.url"}) {
            if (cfg.getProperty(required, "").isBlank()) {
                System.err.println("claimstream run: set " + required + " (in --config, CLAIMSTREAM_" + required.toUpperCase().replace('.', '_')
                        + " or -D" + required + "=...), or use --embedded");
                return 2;
            }
        }
        IngestConfig ingestConfig;
        try {
            IngestConfig fromProperties = IngestConfig.fromProperties(cfg);
            // The embedded default keeps everything it owns under one directory.
            if (embedded && !cfg.containsKey("ingest.state.dir")) fromProperties = fromProperties.withStateDir(dataDir.toAbsolutePath().resolve("ingest"));
            ingestConfig = IngestCommand.configure(fromProperties, feeds, watch, null);
            // Read once here so that a bad watchlist or sink setting is a one-line error, not a stack trace.
            Watchlist.fromProperties(cfg);
            AlertSinks.fromProperties(cfg, System.out);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("claimstream run: " + e.getMessage());
            return 2;
        }
        // Checked after the configuration, so a configuration error is reported as such wherever 8080 is taken.
        int httpPort = io.claimstream.http.HttpSettings.from(cfg).port();
        if (!Ports.free(httpPort)) {
            System.err.printf("claimstream run: HTTP port %d is in use; choose another with -Dhttp.port=... (0 = any free one)%n", httpPort);
            if (cluster != null) cluster.close();
            return 2;
        }
        Integer refused = checkRegistry(cfg);
        if (refused != null) {
            if (cluster != null) cluster.close();
            return refused;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<KafkaIngest> ingest = new AtomicReference<>();
        AtomicReference<AlertDelivery> delivery = new AtomicReference<>();
        try (ClaimstreamServer server = ClaimstreamServer.start(cfg)) {
            ClaimstreamApp app = server.app();
            Runnable shutdown = () -> {
                // Sources first, so that nothing is handed to a producer or topology already closing.
                KafkaIngest running = ingest.getAndSet(null);
                if (running != null) running.close();
                AlertDelivery delivering = delivery.getAndSet(null);
                if (delivering != null) delivering.close();
                server.close();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shutdown.run();
                stopped.countDown();
            }, "claimstream-shutdown"));
            // Kafka Streams stopping on its own (e.g. the registry refused our credentials) ends the run, non-zero.
            app.stopped().thenAccept(why -> {
                failure.compareAndSet(null, why);
                stopped.countDown();
            });
            System.err.println("claimstream: dashboard and API on " + server.url());
            try {
                app.awaitRunning(Duration.ofMinutes(2));
            } catch (IllegalStateException e) {
                System.err.println("claimstream run: " + e.getMessage());
                shutdown.run();
                return 1;
            }
            System.err.println("claimstream: running as " + app.applicationId() + " against " + cfg.getProperty("bootstrap.servers")
                    + "; configuration: " + Settings.redacted(cfg));
            if (!Watchlist.fromProperties(cfg).isEmpty()) {
                Path alertState = AlertSinks.stateDir(cfg, embedded ? dataDir.toAbsolutePath().resolve("alerts") : Path.of("data", "alerts"));
                delivery.set(new AlertDelivery(cfg, app.topics(), AlertSinks.fromProperties(cfg, System.out), alertState,
                        line -> System.err.println("claimstream alerts: " + line)).start());
            }
            if (!ingestConfig.feeds().isEmpty() || ingestConfig.watchDir() != null) {
                ingest.set(new KafkaIngest(cfg, app.topics(), ingestConfig, IngestCommand::status));
                ingest.get().service().start();
            }
            stopped.await();
            if (failure.get() != null) {
                System.err.println("claimstream run: " + failure.get());
                shutdown.run();
                return 1;
            }
        } finally {
            if (cluster != null) cluster.close();
        }
        return 0;
    }

    /**
     * Asks the registry one cheap authenticated question before anything starts. Refused credentials (401/403) are
     * a mistake no retry fixes: say so in one line, without the secret, and answer the exit code. A registry that is
     * down or failing is an outage the application rides out: warn and answer null (go on).
     */
    static Integer checkRegistry(Properties cfg) {
        String urls = cfg.getProperty(SchemaRegistryClients.SCHEMA_REGISTRY_URL, "");
        try {
            SchemaRegistryClients.forConfig(StreamsSettings.serdeConfig(cfg)).subjects();
        } catch (SchemaRegistryException e) {
            if (ErrorHandlers.isRefusal(e.status())) {
                System.err.println("claimstream run: " + ErrorHandlers.refusal(urls, e.status()));
                return 2;
            }
            System.err.println("claimstream run: warning: could not check the schema registry credentials ("
                    + Settings.hideUserInfo(e.getMessage()) + "); starting anyway, records wait until the registry answers");
        } catch (ConfigException e) {
            System.err.println("claimstream run: " + Settings.hideUserInfo(e.getMessage()));
            return 2;
        }
        return null;
    }
}
