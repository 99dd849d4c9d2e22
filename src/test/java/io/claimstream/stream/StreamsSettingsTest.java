package io.claimstream.stream;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsSettingsTest {

    @Test
    void aReplayCommitsOnceASecondOnTwoThreadsUnlessConfiguredAndLeavesTheLiveSettingsAlone() {
        Properties live = StreamsSettings.defaults();
        Properties replay = StreamsSettings.forReplay(live);
        assertThat(replay.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("1000");
        assertThat(replay.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("2");
        assertThat(replay.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(live.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("30");
        assertThat(live.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isNull();

        live.setProperty(StreamsSettings.REPLAY_COMMIT_INTERVAL, "250");
        live.setProperty(StreamsSettings.REPLAY_STREAM_THREADS, "1");
        Properties tuned = StreamsSettings.forReplay(live);
        assertThat(tuned.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("250");
        assertThat(tuned.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("1");
    }
}
