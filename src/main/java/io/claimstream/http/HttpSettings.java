package io.claimstream.http;

import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * Where the HTTP server listens. Localhost by default: without {@link BasicAuth} the API answers anyone who can
 * reach it, so exposing it is a decision to make in the configuration, not a default.
 *
 * @param host      {@code http.host}, default localhost
 * @param port      {@code http.port}, default 8080; 0 picks a free one
 */
public record HttpSettings(String host, int port) {
    public static final String HOST = "http.host";
    public static final String PORT = "http.port";
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 8080;

    public static HttpSettings from(Properties p) {
        return new HttpSettings(p.getProperty(HOST, DEFAULT_HOST).strip(),
                Integer.parseInt(p.getProperty(PORT, Integer.toString(DEFAULT_PORT)).strip()));
    }

    /** Whether only this machine can connect: a loopback name or address. */
    public boolean isLoopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * The {@code application.server} other instances forward to: as configured, else this server's host and
     * actual port (a wildcard bind address names no host another instance could reach, so it needs configuring).
     */
    public String advertised(Properties p, int actualPort) {
        String configured = p.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
        if (!configured.isBlank()) return configured.strip();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            throw new IllegalArgumentException("http.host " + host + " listens on every interface: set "
                    + StreamsConfig.APPLICATION_SERVER_CONFIG + " to the host:port other instances should use");
        }
        return host + ":" + actualPort;
    }
}
