package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimstream.embedded.EmbeddedCluster;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.claimstream.http.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two instances of one application (same application.id, two partitions, their own state and HTTP ports): each
 * answers for every key, fetching from the other the keys it does not hold, and the list gathers both halves.
 * Both require HTTP basic auth, so the forwarding between them must carry the credentials, and a client without
 * them gets nothing but the health probes. Needs the real claim extractor on one-sentence deal articles.
 */
class MultiInstanceApiIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String USER_INFO = "reader:correct-horse-battery";
    /** One deal each; with two partitions, eight keys all landing on one partition would be a 1-in-128 fluke of the hash. */
    private static final String[] DEALS = {
            "Acme Corp. agreed to buy Widget Inc. for $2 billion.",
            "Globex Corp. agreed to buy Initech Inc. for $3 billion.",
            "Hooli Inc. agreed to buy Pied Piper Inc. for $4 billion.",
            "Umbrella Corp. agreed to buy Cyberdyne Systems Inc. for $5 billion.",
            "Stark Industries agreed to buy Wayne Enterprises for $6 billion.",
            "Soylent Corp. agreed to buy Tyrell Corp. for $7 billion.",
            "Wonka Industries agreed to buy Gringotts Inc. for $8 billion.",
            "Oscorp Inc. agreed to buy Vandelay Industries for $9 billion.",
    };

    @TempDir
    Path dir;

    @Test
    void eachInstanceAnswersForKeysTheOtherHoldsAndTheListGathersBoth() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0)) {
            Properties a = instance(cluster, "a");
            Properties b = instance(cluster, "b");
            try (ClaimstreamServer first = ClaimstreamServer.start(a); ClaimstreamServer second = ClaimstreamServer.start(b)) {
                first.app().awaitRunning(PATIENCE);
                second.app().awaitRunning(PATIENCE);
                // Both instances own a partition before anything is published, so no state has to move.
                eventually(PATIENCE, () -> assertThat(hostsWithPartitions(first)).hasSize(2));

                Instant t0 = Instant.parse("2025-07-01T00:00:00Z");
                for (int i = 0; i < DEALS.length; i++) {
                    ServerFixture.publish(first.config(), ServerFixture.article("deal-" + i, "wire" + i + ".example", "Deal " + i, DEALS[i]), t0.plusSeconds(i));
                }
                ApiClient viaFirst = new ApiClient(first.url(), USER_INFO);
                ApiClient viaSecond = new ApiClient(second.url(), USER_INFO);
                eventually(PATIENCE, () -> assertThat(keys(viaFirst.get("/api/consensus").json())).hasSize(DEALS.length));

                Map<String, HostInfo> holder = new LinkedHashMap<>();
                for (String key : keys(viaFirst.get("/api/consensus").json())) {
                    KeyQueryMetadata m = first.app().streams().queryMetadataForKey("consensus", key, Serdes.String().serializer());
                    holder.put(key, m.activeHost());
                }
                HostInfo firstHost = HostInfo.buildFromEndpoint(first.config().getProperty("application.server"));
                HostInfo secondHost = HostInfo.buildFromEndpoint(second.config().getProperty("application.server"));
                assertThat(holder.values()).as("keys held by each instance").contains(firstHost, secondHost);

                for (var e : holder.entrySet()) {
                    for (ApiClient client : List.of(viaFirst, viaSecond)) {
                        ApiClient.Response r = client.get(ApiClient.keyPath(e.getKey()));
                        assertThat(r.status()).as(e.getKey() + " held by " + e.getValue()).isEqualTo(200);
                        assertThat(r.json().path("key").asText()).isEqualTo(e.getKey());
                        assertThat(r.json().path("claims")).hasSize(1);
                        JsonNode history = client.get(ApiClient.keyPath(e.getKey()) + "/history").json();
                        assertThat(history.path("timeline")).hasSize(1);
                    }
                }
                JsonNode acme = viaSecond.get(ApiClient.keyPath("acme>widget:deal_value")).json();
                assertThat(acme.path("figure").path("value").asDouble()).isCloseTo(2e9, within(1.0));

                for (ApiClient client : List.of(viaFirst, viaSecond)) {
                    JsonNode all = client.get("/api/consensus").json();
                    assertThat(keys(all)).containsExactlyElementsOf(holder.keySet().stream().sorted().toList());
                    assertThat(all.path("unreachable")).isEmpty();
                    assertThat(keys(client.get("/api/consensus?subject=acme").json())).containsExactly("acme>widget:deal_value");
                }
                for (ApiClient stranger : List.of(new ApiClient(first.url()), new ApiClient(second.url(), "reader:wrong"))) {
                    for (String path : List.of("/api/consensus", ApiClient.keyPath("acme>widget:deal_value"), "/",
                            "/index.html", "/metrics", "/api/changes/stream")) {
                        ApiClient.Response r = stranger.get(path);
                        assertThat(r.status()).as(path).isEqualTo(401);
                        assertThat(r.header("WWW-Authenticate")).as(path).startsWith("Basic realm=");
                        assertThat(r.body()).as(path).doesNotContain("widget");
                    }
                    assertThat(stranger.get("/health/live").status()).isEqualTo(200);
                    assertThat(stranger.get("/health/ready").status()).isEqualTo(200);
                }
                assertThat(viaFirst.get("/").status()).isEqualTo(200);
            }
        }
    }

    private Properties instance(EmbeddedCluster cluster, String name) {
        Properties p = ServerFixture.config(cluster, "multi-instance-it", dir.resolve("state-" + name));
        p.setProperty("claimstream.topic.partitions", "2");
        p.setProperty("http.basic.auth.user.info", USER_INFO);
        return p;
    }

    private static List<HostInfo> hostsWithPartitions(ClaimstreamServer server) {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata m : server.app().streams().streamsMetadataForStore("consensus")) {
            if (!m.topicPartitions().isEmpty()) hosts.add(m.hostInfo());
        }
        return hosts;
    }

    private static List<String> keys(JsonNode list) {
        List<String> keys = new ArrayList<>();
        list.path("consensus").forEach(k -> keys.add(k.path("key").asText()));
        return keys;
    }
}
