package io.claimstream.http;

import io.claimstream.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicAuthTest {
    @Test
    void openWhenNotConfigured() {
        assertThat(BasicAuth.from(new Properties())).isEmpty();
        assertThat(BasicAuth.from(props("  "))).isEmpty();
    }

    @Test
    void forwardsTheConfiguredCredentialsAsABasicHeader() {
        // RFC 7617's example: Aladdin / open sesame
        assertThat(BasicAuth.from(props("Aladdin:open sesame")).orElseThrow().authorization())
                .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void aMalformedSettingIsRefusedWithoutRepeatingIt() {
        for (String bad : new String[] {"no-colon-secret", ":only-password-secret", "only-user-secret:"}) {
            assertThatThrownBy(() -> BasicAuth.from(props(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(BasicAuth.USER_INFO)
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(BasicAuth.from(props("admin:hunter2")).orElseThrow().toString()).doesNotContain("hunter2");
        assertThat(Settings.isSecret(BasicAuth.USER_INFO)).as("masked in logged configuration").isTrue();
    }

    @Test
    void onlyTheHealthProbesAreOpen() {
        assertThat(BasicAuth.isOpen("/health")).isTrue();
        assertThat(BasicAuth.isOpen("/health/ready")).isTrue();
        assertThat(BasicAuth.isOpen("/healthz-but-not-really")).isFalse();
        assertThat(BasicAuth.isOpen("/api/consensus")).isFalse();
        assertThat(BasicAuth.isOpen("/")).isFalse();
        assertThat(BasicAuth.isOpen("/metrics")).isFalse();
    }

    private static Properties props(String userInfo) {
        Properties p = new Properties();
        p.setProperty(BasicAuth.USER_INFO, userInfo);
        return p;
    }
}
