package io.claimstream.http;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {
    @Test
    void localhostAndPort8080ByDefault() {
        assertThat(HttpSettings.from(new Properties())).isEqualTo(new HttpSettings("localhost", 8080));
    }

    @Test
    void advertisesTheActualPortWhenThePortWasPickedFree() {
        Properties p = props("http.port", "0");
        assertThat(HttpSettings.from(p).advertised(p, 54321)).isEqualTo("localhost:54321");
    }

    @Test
    void aConfiguredApplicationServerWins() {
        Properties p = props("http.host", "0.0.0.0", "application.server", "node-7.internal:8080");
        assertThat(HttpSettings.from(p).advertised(p, 8080)).isEqualTo("node-7.internal:8080");
    }

    @Test
    void aWildcardHostWithoutApplicationServerIsRefused() {
        Properties p = props("http.host", "0.0.0.0");
        assertThatThrownBy(() -> HttpSettings.from(p).advertised(p, 8080))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application.server");
    }

    @Test
    void onlyLoopbackHostsCountAsPrivate() {
        for (String host : new String[] {"localhost", "127.0.0.1", "::1"}) {
            assertThat(new HttpSettings(host, 8080).isLoopback()).as(host).isTrue();
        }
        for (String host : new String[] {"0.0.0.0", "::", "10.0.0.7", "node-7.internal"}) {
            assertThat(new HttpSettings(host, 8080).isLoopback()).as(host).isFalse();
        }
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }
}
