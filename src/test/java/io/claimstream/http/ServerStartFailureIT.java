package io.claimstream.http;

import io.claimstream.stream.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server whose application cannot start (no broker to create the topics on) fails and gives back its port and threads. */
class ServerStartFailureIT {
    @TempDir
    Path dir;

    @Test
    void failsAndReleasesItsPortAndThreadsWhenTheBrokerCannotBeReached() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Properties p = StreamsSettings.defaults();
        p.setProperty("bootstrap.servers", "localhost:1"); // nothing listens there
        p.setProperty("schema.registry.url", "mock://server-start-failure");
        p.setProperty("state.dir", dir.toString());
        p.setProperty("application.id", "server-start-failure-app");
        p.setProperty("default.api.timeout.ms", "1500");
        p.setProperty("request.timeout.ms", "1000");
        p.setProperty(HttpSettings.HOST, "127.0.0.1");
        p.setProperty(HttpSettings.PORT, Integer.toString(port));

        assertThatThrownBy(() -> ClaimstreamServer.start(p)).hasMessageContaining("localhost:1");
        assertThatCode(() -> {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }).as("port %d released", port).doesNotThrowAnyException();
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .as("no thread of the application's clients left running").noneMatch(n -> n.contains("server-start-failure-app"));
    }
}
