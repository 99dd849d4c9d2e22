package io.claimstream.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.config.ClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Liveness and readiness from the Streams state and the broker. Live while Streams is starting, running or
 * rebalancing; ready only when RUNNING and the broker answers: Streams stays RUNNING for a while after the broker
 * goes away, retrying, and a load balancer should not send queries its way meanwhile.
 */
final class Health implements AutoCloseable {
    private static final Set<KafkaStreams.State> LIVE =
            Set.of(KafkaStreams.State.CREATED, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);
    private static final long BROKER_CHECK_TIMEOUT_MS = 2_000;
    /** Probes often come several a second; one broker round trip per interval is plenty. */
    private static final long BROKER_CHECK_CACHE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);

    record Status(KafkaStreams.State state, boolean brokerReachable) {
        boolean live() {
            return LIVE.contains(state);
        }

        boolean ready() {
            return state == KafkaStreams.State.RUNNING && brokerReachable;
        }

        ObjectNode json() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("status", ready() ? "UP" : live() ? "STARTING" : "DOWN");
            o.put("live", live());
            o.put("ready", ready());
            o.put("streams_state", state.name());
            o.put("broker", brokerReachable ? "reachable" : "unreachable");
            return o;
        }
    }

    private final KafkaStreams streams;
    private final Admin admin;
    private long checkedAt;
    private boolean reachable;
    private boolean checked;

    Health(KafkaStreams streams, Properties clientConfig) {
        this.streams = streams;
        Properties p = ClientConfigs.admin(clientConfig);
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(BROKER_CHECK_TIMEOUT_MS));
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(BROKER_CHECK_TIMEOUT_MS));
        p.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "claimstream-health");
        this.admin = Admin.create(p);
    }

    Status status() {
        return new Status(streams.state(), brokerReachable());
    }

    private synchronized boolean brokerReachable() {
        long now = System.nanoTime();
        if (checked && now - checkedAt < BROKER_CHECK_CACHE_NANOS) return reachable;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) BROKER_CHECK_TIMEOUT_MS))
                    .nodes().get(BROKER_CHECK_TIMEOUT_MS + 500, TimeUnit.MILLISECONDS);
            reachable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reachable = false;
        } catch (Exception e) {
            reachable = false;
        }
        checked = true;
        checkedAt = System.nanoTime();
        return reachable;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
