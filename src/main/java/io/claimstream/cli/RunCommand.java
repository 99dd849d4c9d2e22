package io.claimstream.cli;

import io.claimstream.config.Settings;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.http.ClaimstreamServer;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.StreamsSettings;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        EmbeddedCluster cluster = null;
        Properties defaults = StreamsSettings.defaults();
        if (embedded) {
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
        CountDownLatch stopped = new CountDownLatch(1);
        try (ClaimstreamServer server = ClaimstreamServer.start(cfg)) {
            ClaimstreamApp app = server.app();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "claimstream-shutdown"));
            System.err.println("claimstream: dashboard and API on " + server.url());
            app.awaitRunning(Duration.ofMinutes(2));
            System.err.println("claimstream: running as " + app.applicationId() + " against " + cfg.getProperty("bootstrap.servers")
                    + "; configuration: " + Settings.redacted(cfg));
            stopped.await();
        } finally {
            if (cluster != null) cluster.close();
        }
        return 0;
    }
}
