package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against a running server, as any client would speak to it. */
final class ApiClient {
    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        String contentType() {
            return header("Content-Type");
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** The Authorization header to send, or null. */
    private final String authorization;

    ApiClient(String base) {
        this(base, null);
    }

    /** A client sending HTTP basic credentials {@code user:password} with every request. */
    ApiClient(String base, String userInfo) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = userInfo == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Response get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) request.header("Authorization", authorization);
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Path of one key's resource, the key percent-encoded as a browser's encodeURIComponent would. */
    static String keyPath(String key) {
        return "/api/consensus/" + ConsensusApi.encode(key);
    }

    /**
     * Retries {@code check} until it passes or {@code timeout} runs out, then rethrows its last failure: for state
     * that arrives asynchronously through the broker. Not a timing assertion: the timeout only bounds a hang.
     */
    static void eventually(Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) throw e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
