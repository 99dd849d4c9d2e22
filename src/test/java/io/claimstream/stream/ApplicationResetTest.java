package io.claimstream.stream;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationResetTest {
    private final ApplicationReset reset = new ApplicationReset(props(), new Topics(Map.of("schema.registry.url", "mock://reset-test")), null);

    @Test
    void removesStreamsOwnTopicsOfThisApplicationOnly() {
        assertThat(reset.isInternal("claimstream-consensus-changelog")).isTrue();
        assertThat(reset.isInternal("claimstream-claims-repartition")).isTrue();
        // a replay running under a derived id keeps its topics; another application's are not ours
        assertThat(reset.isInternal("claimstream-replay-1a2b3c4d-consensus-changelog")).isFalse();
        assertThat(reset.isInternal("claimstream2-consensus-changelog")).isFalse();
        assertThat(reset.isInternal("claimstream-dead-letters")).isFalse();
        assertThat(reset.isInternal("articles")).isFalse();
    }

    private static Properties props() {
        Properties p = new Properties();
        p.setProperty("application.id", "claimstream");
        return p;
    }
}
