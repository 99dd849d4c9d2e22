package io.claimstream.alert.deliver;

import io.claimstream.avro.Alert;
import io.claimstream.config.Settings;
import io.claimstream.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sinks and the at-most-once-per-sink bookkeeping, with a webhook receiver on localhost. */
class DeliveryTest {
    private LocalHttpServer http;
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final List<String> status = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        http = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    static Alert alert(double after) {
        return io.claimstream.testing.TestAlerts.alert(after);
    }

    private WebhookSink webhook(int attempts) {
        return new WebhookSink(http.uri("/hook?token=s3cret"), Map.of("Authorization", "Bearer s3cret"), attempts,
                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5), slept::add);
    }

    @Test
    void theWebhookRetriesWithBackoffAndSendsTheIdempotencyKey() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        http.on("/hook", ex -> LocalHttpServer.send(ex, calls.incrementAndGet() <= 3 ? 503 : 204, null, ""));
        Alert a = alert(2.4e9);

        webhook(5).deliver(a);

        assertThat(http.requests("/hook")).hasSize(4).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Idempotency-Key")).isEqualTo(a.getId());
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.body()).contains("\"message\":\"Acme→Widget deal value: $2B → $2.4B");
        });
        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRefusalIsPermanentAndAnOutageIsNotAndNeitherMessageShowsTheSecret() {
        http.on("/hook", ex -> LocalHttpServer.send(ex, 400, "text/plain", "bad payload"));
        assertThatThrownBy(() -> webhook(5).deliver(alert(2.4e9)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("refused").hasMessageContaining("HTTP 400").hasMessageNotContaining("s3cret");
        assertThat(http.requests("/hook")).hasSize(1);

        http.on("/hook", ex -> LocalHttpServer.send(ex, 429, "text/plain", "slow down"));
        assertThatThrownBy(() -> webhook(2).deliver(alert(2.4e9)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse())
                .hasMessageContaining("after 2 attempts (last: HTTP 429)").hasMessageNotContaining("s3cret");
    }

    @Test
    void aSinkThatAcceptedIsNotGivenTheAlertAgainWhenAnotherIsRetriedOrAfterARestart(@TempDir Path dir) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AtomicInteger calls = new AtomicInteger();
        http.on("/hook", ex -> LocalHttpServer.send(ex, calls.incrementAndGet() == 1 ? 500 : 200, null, ""));
        Path log = dir.resolve("alerts.jsonl");
        List<AlertSink> sinks = new ArrayList<>(List.of(new ConsoleSink(new PrintStream(console, true, StandardCharsets.UTF_8)),
                new LogFileSink(log), webhook(1)));
        Alert a = alert(2.4e9);

        try (Deliverer d = new Deliverer(sinks, dir.resolve("state"), status::add)) {
            assertThat(d.deliver(a)).isFalse(); // the webhook's one attempt failed
            assertThat(d.deliver(a)).isTrue();
        }
        try (Deliverer afterRestart = new Deliverer(sinks, dir.resolve("state"), status::add)) {
            assertThat(afterRestart.deliver(a)).isTrue();
        }

        assertThat(console.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("Acme→Widget deal value");
        assertThat(http.requests("/hook")).hasSize(2);
        assertThat(uncheckedLines(log)).singleElement().asString().contains("\"id\":\"" + a.getId() + "\"");
        assertThat(status).singleElement().asString().contains("will try again").doesNotContain("s3cret");
    }

    @Test
    void webhookUrlsAndHeadersAreSecrets() {
        Properties p = new Properties();
        p.setProperty("alerts.webhook.url", "https://hooks.example/T000/B000/s3cret");
        p.setProperty("alerts.webhook.header.Authorization", "Bearer s3cret");
        assertThat(Settings.redacted(p).toString()).doesNotContain("s3cret");
        assertThat(AlertSinks.fromProperties(p, System.out)).extracting(AlertSink::name).containsExactly("console", "webhook");
    }

    private static List<String> uncheckedLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
