package io.claimstream.cli;

import io.claimstream.config.Settings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The configuration options every Kafka-facing command shares: file &lt; environment &lt; command line. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file: any Kafka client, Streams or serde property (bootstrap.servers, schema.registry.url, ...) and claimstream's own.")
    Path file;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Set one property; wins over the file and the environment (CLAIMSTREAM_BOOTSTRAP_SERVERS=... sets bootstrap.servers).")
    Map<String, String> overrides = new LinkedHashMap<>();

    Properties load(Properties defaults) throws IOException {
        return Settings.load(defaults, file, System.getenv(), overrides);
    }

    /**
     * For commands that talk to a running claimstream: unless configured otherwise, the broker and registry that
     * {@code run --embedded} serves on this machine.
     */
    Properties loadClient() throws IOException {
        Properties defaults = io.claimstream.stream.StreamsSettings.defaults();
        defaults.setProperty("bootstrap.servers", "localhost:9092");
        defaults.setProperty("schema.registry.url", "http://localhost:8081");
        return load(defaults);
    }
}
