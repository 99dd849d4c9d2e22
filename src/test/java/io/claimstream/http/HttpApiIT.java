package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimstream.embedded.EmbeddedCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.claimstream.http.ApiClient.eventually;
import static io.claimstream.http.ServerFixture.INVESTMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The query API, change stream and metrics of one instance over real HTTP, on the embedded broker and registry,
 * after the seeds are published. Needs the real claim extractor: the seeds' figures come out of it.
 */
class HttpApiIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static Path dir;
    private static EmbeddedCluster cluster;
    private static ClaimstreamServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("claimstream-http-it");
        cluster = EmbeddedCluster.start(dir, 0, 0);
        server = ServerFixture.startAndAwaitRunning(ServerFixture.config(cluster, "http-api-it", dir.resolve("state")));
        api = new ApiClient(server.url());
        ServerFixture.publishSeeds(server.config());
        eventually(PATIENCE, () -> assertThat(api.get(ApiClient.keyPath(INVESTMENT)).json().path("sources").asInt()).isEqualTo(5));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (cluster != null) cluster.close();
    }

    @Test
    void keyAnswersFigureIntervalSourcesAndTheirClaims() {
        ApiClient.Response r = api.get(ApiClient.keyPath(INVESTMENT));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode c = r.json();
        assertThat(c.path("key").asText()).isEqualTo(INVESTMENT);
        assertThat(c.path("unit").asText()).isEqualTo("USD");
        assertThat(c.path("figure").path("value").asDouble()).isCloseTo(14.3e9, within(1.0));
        assertThat(c.path("low").asDouble()).isCloseTo(14.3e9, within(1.0));
        assertThat(c.path("high").asDouble()).isCloseTo(14.3e9, within(1.0));
        assertThat(c.path("sources").asInt()).isEqualTo(5);
        assertThat(c.path("claims")).hasSize(5);
        List<String> articles = new ArrayList<>();
        c.path("claims").forEach(claim -> {
            articles.add(claim.path("article").asText());
            assertThat(claim.path("evidence").asText()).isNotBlank();
            assertThat(claim.path("figure").path("value").isNumber()).isTrue();
            assertThat(claim.path("weight").asDouble()).isPositive();
        });
        assertThat(articles).contains("004_15eb93a7e12ea013.txt", "000_66330783f51ab39a.txt");
    }

    @Test
    void historyIsTheAuditTimeline() {
        JsonNode h = api.get(ApiClient.keyPath(INVESTMENT) + "/history").json();
        JsonNode timeline = h.path("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).path("before").isNull()).isTrue();
        assertThat(timeline.get(0).path("after").path("value").asDouble()).isCloseTo(15e9, within(1.0));
        assertThat(timeline.get(1).path("after").path("value").asDouble()).isCloseTo(14.3e9, within(1.0));
        assertThat(timeline.get(1).path("trigger").path("article").asText()).isEqualTo("004_15eb93a7e12ea013.txt");
        assertThat(timeline.get(1).path("event_time").asText()).isEqualTo(ServerFixture.SEED_TIME.plusSeconds(4).toString());
        assertThat(h.path("claims").size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void listHasEveryKeyAndFiltersBySubjectAndAttribute() {
        JsonNode all = api.get("/api/consensus").json();
        List<String> keys = keys(all);
        assertThat(keys).contains(INVESTMENT, "meta>scale-ai:stake_percent", "scale-ai:valuation");
        assertThat(keys).isSorted();
        assertThat(all.path("unreachable")).isEmpty();
        JsonNode investment = find(all, INVESTMENT);
        assertThat(investment.path("sources").asInt()).isEqualTo(5);
        assertThat(investment.has("claims")).as("the list carries no claims").isFalse();

        assertThat(keys(api.get("/api/consensus?subject=meta").json())).isNotEmpty().allMatch(k -> k.startsWith("meta>"));
        assertThat(keys(api.get("/api/consensus?attribute=valuation").json())).containsExactly("scale-ai:valuation");
        assertThat(keys(api.get("/api/consensus?subject=meta&attribute=valuation").json())).isEmpty();
    }

    @Test
    void unknownKeyIsNotFound() {
        ApiClient.Response r = api.get(ApiClient.keyPath("nobody>nothing:deal_value"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").asText()).contains("nobody>nothing:deal_value");
    }

    @Test
    void changeStreamSendsRecentChangesThenNewOnesAsTheyHappen() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "api/changes/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            // the seeds' changes, replayed to a new client
            String[] first = take(events, e -> e[0].equals("change"));
            assertThat(first[1]).contains("\"key\"");

            ServerFixture.publish(server.config(), ServerFixture.article("sse-1", "example.com", "Acme buys Widget",
                    "Acme Corp. agreed to buy Widget Inc. for $2 billion."), Instant.parse("2025-06-11T00:00:00Z"));
            String[] article = take(events, e -> e[0].equals("article") && e[1].contains("\"sse-1\""));
            assertThat(article[1]).contains("\"title\":\"Acme buys Widget\"");
            String[] change = take(events, e -> e[0].equals("change") && e[1].contains("sse-1"));
            JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(change[1]);
            assertThat(c.path("before").isNull()).isTrue();
            assertThat(c.path("after").path("value").asDouble()).isCloseTo(2e9, within(1.0));
            assertThat(c.path("trigger").path("evidence").asText()).contains("$2 billion");
            String[] table = take(events, e -> e[0].equals("consensus") && e[1].contains(c.path("key").asText()));
            assertThat(table[1]).contains("\"sources\":1");
        } finally {
            response.body().close();
        }
    }

    @Test
    void aReconnectingClientGetsOnlyTheEventsAfterTheLastItSaw() throws Exception {
        String[] first;
        String[] second;
        try (Stream s = openStream(null)) {
            first = take(s.events(), e -> !e[2].isEmpty());
            second = take(s.events(), e -> !e[2].isEmpty());
        }
        try (Stream again = openStream(first[2])) {
            String[] resumed = take(again.events(), e -> !e[2].isEmpty());
            assertThat(resumed[2]).isEqualTo(second[2]);
        }
    }

    @Test
    void alertsAreStreamedAsTheyArrive() throws Exception {
        try (Stream s = openStream(null)) {
            io.claimstream.avro.Alert alert = io.claimstream.avro.Alert.newBuilder()
                    .setId("it-alert-1").setKey(INVESTMENT).setSubject("meta").setCounterparty("scale-ai")
                    .setAttribute("investment_amount").setUnit("USD")
                    .setBefore(new io.claimstream.avro.Figure(15e9, null, io.claimstream.avro.Bound.approx))
                    .setAfter(new io.claimstream.avro.Figure(14.3e9, null, io.claimstream.avro.Bound.exact))
                    .setSources(5)
                    .setTrigger(io.claimstream.avro.Trigger.newBuilder().setArticleId("004").setSource("wire.example")
                            .setEvidence("an enormous $14.3 billion investment").setStart(0).setEnd(10).build())
                    .setEventTime(Instant.parse("2025-06-10T00:00:04Z"))
                    .setRule("investment_amount moves").setMessage("Meta's Scale AI investment moved to $14.3 billion")
                    .build();
            var topic = new io.claimstream.stream.Topics(io.claimstream.stream.StreamsSettings.serdeConfig(server.config())).alerts();
            Properties p = new Properties();
            p.setProperty("bootstrap.servers", cluster.bootstrapServers());
            try (KafkaProducer<String, io.claimstream.avro.Alert> producer =
                         new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topic.name(), INVESTMENT, alert)).get();
            }
            String[] event = take(s.events(), e -> e[0].equals("alert") && e[1].contains("it-alert-1"));
            JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event[1]);
            assertThat(a.path("key").asText()).isEqualTo(INVESTMENT);
            assertThat(a.path("message").asText()).isEqualTo("Meta's Scale AI investment moved to $14.3 billion");
            assertThat(a.path("after").path("value").asDouble()).isCloseTo(14.3e9, within(1.0));
            assertThat(a.path("rule").asText()).isEqualTo("investment_amount moves");
        }
    }

    @Test
    void metricsScrapeAsPrometheusTextWithClaimstreamAndKafkaStreamsMetrics() throws Exception {
        Properties raw = new Properties();
        raw.setProperty("bootstrap.servers", cluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(raw, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("articles", "poison".getBytes(StandardCharsets.UTF_8),
                    "not Avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        eventually(PATIENCE, () -> {
            ApiClient.Response r = api.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
            Map<String, Double> m = PrometheusText.parse(r.body());
            assertThat(PrometheusText.sum(m, "claimstream_articles_read_total")).isGreaterThanOrEqualTo(5);
            assertThat(PrometheusText.sum(m, "claimstream_claims_extracted_total")).isGreaterThanOrEqualTo(10);
            assertThat(PrometheusText.sum(m, "claimstream_changes_emitted_total")).isGreaterThanOrEqualTo(8);
            assertThat(PrometheusText.sum(m, "claimstream_extraction_seconds_count")).isGreaterThanOrEqualTo(5);
            assertThat(PrometheusText.sum(m, "claimstream_dead_lettered_records_total")).isGreaterThanOrEqualTo(1);
            assertThat(m.keySet()).anyMatch(series -> series.startsWith("kafka_stream_thread_"));
            assertThat(m.keySet()).anyMatch(series -> series.startsWith("kafka_stream_task_"));
        });
    }

    @Test
    void pagesForbidInlineScriptsAndSniffing() {
        ApiClient.Response r = api.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** An open change stream: its events as {type, data, id}, read on a thread of their own. */
    private record Stream(HttpResponse<java.io.InputStream> response, BlockingQueue<String[]> events) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            response.body().close();
        }
    }

    private static Stream openStream(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "api/changes/stream"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return new Stream(response, events);
    }

    private static void readEvents(java.io.InputStream in, BlockingQueue<String[]> events) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String event = "message";
            String id = "";
            StringBuilder data = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) events.add(new String[] {event, data.toString(), id});
                    event = "message";
                    id = "";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException ignored) {
            // the test closed the stream
        }
    }

    private static String[] take(BlockingQueue<String[]> events, java.util.function.Predicate<String[]> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String[] e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && wanted.test(e)) return e;
        }
        throw new AssertionError("no such event within " + PATIENCE);
    }

    private static List<String> keys(JsonNode list) {
        List<String> keys = new ArrayList<>();
        list.path("consensus").forEach(k -> keys.add(k.path("key").asText()));
        return keys;
    }

    private static JsonNode find(JsonNode list, String key) {
        for (JsonNode k : list.path("consensus")) if (k.path("key").asText().equals(key)) return k;
        throw new AssertionError("no " + key + " in " + list);
    }
}
