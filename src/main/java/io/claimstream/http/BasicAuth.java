package io.claimstream.http;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * HTTP basic authentication for the API, the change stream, the dashboard and the metrics, configured as
 * {@code http.basic.auth.user.info=user:password} (the shape of the Confluent clients' {@code basic.auth.user.info}).
 * Basic rather than a bearer token because a browser sends it by itself, to the dashboard's pages, its fetches and
 * its {@code EventSource}, which cannot set headers. It is only as private as the connection: expose the server
 * through TLS (a terminating proxy) when it leaves localhost.
 *
 * <p>The health probes stay open: an orchestrator asks them without credentials, and they say nothing but the state.
 * Instances forward queries to each other with the same credentials, so every instance of one application needs
 * the same setting.
 */
final class BasicAuth {
    static final String USER_INFO = "http.basic.auth.user.info";
    static final String REALM_HEADER = "Basic realm=\"claimstream\", charset=\"UTF-8\"";

    private final byte[] expected;
    private final String header;

    private BasicAuth(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon <= 0 || colon == userInfo.length() - 1) {
            // the value itself is never repeated: it is a secret, even when malformed
            throw new IllegalArgumentException(USER_INFO + " must be user:password, with neither part empty");
        }
        this.header = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.expected = header.getBytes(StandardCharsets.UTF_8);
    }

    /** The configured credentials, or empty when the server is open (the default, on localhost). */
    static Optional<BasicAuth> from(Properties p) {
        String userInfo = p.getProperty(USER_INFO, "");
        return userInfo.isBlank() ? Optional.empty() : Optional.of(new BasicAuth(userInfo.strip()));
    }

    /** Whether a request to {@code path} may be answered without credentials. */
    static boolean isOpen(String path) {
        return path.equals("/health") || path.startsWith("/health/");
    }

    /** Whether the request carries these credentials; compared in constant time. */
    boolean accepts(Context ctx) {
        String given = ctx.header("Authorization");
        return given != null && MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} value for requests this instance forwards to another. */
    String authorization() {
        return header;
    }

    @Override
    public String toString() {
        return "BasicAuth[hidden]";
    }
}
