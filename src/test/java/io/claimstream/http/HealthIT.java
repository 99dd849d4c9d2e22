package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimstream.embedded.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.claimstream.http.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** /health follows the broker: unready while it is stopped, ready again once it is back. Liveness stays. */
class HealthIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void unreadyWhileTheBrokerIsDownAndReadyAgainWhenItReturns() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0);
             ClaimstreamServer server = ServerFixture.startAndAwaitRunning(ServerFixture.config(cluster, "health-it", dir.resolve("state")))) {
            ApiClient api = new ApiClient(server.url());
            eventually(PATIENCE, () -> {
                ApiClient.Response r = api.get("/health");
                assertThat(r.status()).isEqualTo(200);
                JsonNode h = r.json();
                assertThat(h.path("ready").asBoolean()).isTrue();
                assertThat(h.path("streams_state").asText()).isEqualTo("RUNNING");
                assertThat(api.get("/health/ready").status()).isEqualTo(200);
            });

            cluster.kafka().stop();
            eventually(PATIENCE, () -> {
                ApiClient.Response r = api.get("/health");
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.json().path("ready").asBoolean()).isFalse();
                assertThat(r.json().path("broker").asText()).isEqualTo("unreachable");
                assertThat(api.get("/health/ready").status()).isEqualTo(503);
            });
            assertThat(api.get("/health/live").status()).as("no broker is no reason to restart the process").isEqualTo(200);

            cluster.kafka().restart();
            eventually(PATIENCE, () -> {
                ApiClient.Response r = api.get("/health");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().path("broker").asText()).isEqualTo("reachable");
                assertThat(r.json().path("streams_state").asText()).isEqualTo("RUNNING");
            });
        }
    }
}
