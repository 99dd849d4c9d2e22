package io.claimstream.alert.deliver;

import io.claimstream.alert.AlertJson;
import io.claimstream.avro.Alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Alerts POSTed as JSON to a URL, with an {@code Idempotency-Key} header (the alert id) so that a receiver can drop
 * the repeats that at-least-once delivery allows. Failures that may pass (connection refused, timeouts, 5xx, 408,
 * 425, 429) are retried with exponential backoff, honouring Retry-After; a refusal (other 4xx) is not.
 *
 * <p>The URL is never printed whole: webhook URLs often carry their secret in the path or query.
 */
public final class WebhookSink implements AlertSink {
    /** How to wait between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429);

    private final URI url;
    private final Map<String, String> headers;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final HttpClient client;

    /**
     * @param headers  extra headers (e.g. Authorization); never printed
     * @param attempts tries per delivery before it is reported as failed and left for later
     */
    public WebhookSink(URI url, Map<String, String> headers, int attempts, Duration firstBackoff, Duration maxBackoff,
                       Duration timeout, Sleeper sleeper) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.sleeper = sleeper;
        // HTTP/1.1: on plain http the client's default would ask for an h2c upgrade, which some receivers mishandle on a POST.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** scheme://host:port only. */
    public String where() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", alert.getId())
                .header("User-Agent", "claimstream-alerts/1")
                .POST(HttpRequest.BodyPublishers.ofString(AlertJson.of(alert)));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        Duration backoff = firstBackoff;
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = backoff;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status >= 200 && status < 300) return;
                last = "HTTP " + status;
                if (status >= 400 && status < 500 && !RETRYABLE.contains(status)) {
                    throw new DeliveryException("webhook " + where() + " refused alert " + alert.getId() + ": " + last, true);
                }
                wait = retryAfter(r).orElse(backoff);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("interrupted while delivering alert " + alert.getId() + " to webhook " + where(), false);
            }
            if (attempt == attempts) break;
            try {
                sleeper.sleep(min(wait, maxBackoff));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("interrupted while delivering alert " + alert.getId() + " to webhook " + where(), false);
            }
            backoff = min(backoff.multipliedBy(2), maxBackoff);
        }
        throw new DeliveryException("webhook " + where() + " did not accept alert " + alert.getId() + " after " + attempts
                + " attempt" + (attempts == 1 ? "" : "s") + " (last: " + last + ")", false);
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException httpDate) {
                return java.util.Optional.empty();
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
