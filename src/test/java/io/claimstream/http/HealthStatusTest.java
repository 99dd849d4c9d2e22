package io.claimstream.http;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthStatusTest {
    @Test
    void readyOnlyWhenRunningWithTheBrokerReachable() {
        assertThat(new Health.Status(State.RUNNING, true).ready()).isTrue();
        assertThat(new Health.Status(State.RUNNING, false).ready()).isFalse();
        assertThat(new Health.Status(State.REBALANCING, true).ready()).isFalse();
        assertThat(new Health.Status(State.CREATED, true).ready()).isFalse();
    }

    @Test
    void rebalancingAndStartingAreLiveButErrorAndShutdownAreNot() {
        assertThat(new Health.Status(State.REBALANCING, true).live()).isTrue();
        assertThat(new Health.Status(State.CREATED, false).live()).isTrue();
        assertThat(new Health.Status(State.RUNNING, false).live()).as("no broker is no reason to restart").isTrue();
        for (State s : new State[] {State.ERROR, State.PENDING_ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
            assertThat(new Health.Status(s, true).live()).as(s.name()).isFalse();
        }
    }

    @Test
    void bodySaysWhy() {
        var json = new Health.Status(State.REBALANCING, true).json();
        assertThat(json.path("status").asText()).isEqualTo("STARTING");
        assertThat(json.path("streams_state").asText()).isEqualTo("REBALANCING");
        assertThat(new Health.Status(State.RUNNING, false).json().path("broker").asText()).isEqualTo("unreachable");
        assertThat(new Health.Status(State.ERROR, true).json().path("status").asText()).isEqualTo("DOWN");
    }
}
