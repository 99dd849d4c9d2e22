package io.claimstream.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The embedded default: a real single-node KRaft broker and a Confluent-compatible schema registry, in this JVM,
 * with their data under one directory that survives restarts.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedCluster(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Ports 0 pick free ones. */
    public static EmbeddedCluster start(Path dataDir, int kafkaPort, int registryPort) {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
        try {
            return new EmbeddedCluster(kafka, EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), registryPort));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Client settings that point at this cluster. */
    public Properties clientConfig() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers());
        p.setProperty("schema.registry.url", registryUrl());
        return p;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
