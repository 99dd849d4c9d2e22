package io.claimstream.it;

import io.claimstream.embedded.EmbeddedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;

/** The pipeline scenario on the in-process KRaft broker and the embedded registry over HTTP: runs everywhere, CI included. */
class EmbeddedPipelineIT extends PipelineScenario {
    private static EmbeddedCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createTempDirectory("claimstream-it");
        cluster = EmbeddedCluster.start(dir, 0, 0);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    @Override
    protected String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    protected String registryUrl() {
        return cluster.registryUrl();
    }
}
