package io.claimstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.avro.Bound;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.avro.Trigger;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was believed when, and why: the seeds run live on the embedded broker, then `replay --until`, `audit` and
 * `verify` are run as a user runs them, against that cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT {
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedCluster cluster;
    private static ClaimstreamApp app;
    private static Properties cfg;

    @BeforeAll
    static void runTheSeedsLive() throws Exception {
        Path dir = Files.createTempDirectory("claimstream-audit");
        cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0);
        cfg = StreamsSettings.defaults();
        cfg.putAll(cluster.clientConfig());
        cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        app = new ClaimstreamApp(cfg).start();
        app.awaitRunning(Duration.ofSeconds(60));
        List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
        try (ArticlePublisher publisher = new ArticlePublisher(cfg, app.topics())) {
            // one seed an hour: T0, T0+1h, ... T0+4h
            for (int i = 0; i < seeds.size(); i++) publisher.publishAndWait(ArticleFiles.read(seeds.get(i)), T0.plusSeconds(3600L * i));
        }
        try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
            Progress progress = new Progress(admin, app.applicationId());
            progress.awaitCaughtUp(progress.inputs(app.topics()), Duration.ofSeconds(90), lag -> {});
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (cluster != null) cluster.close();
    }

    private record Run(int exitCode, String out) {}

    private static Run claimstream(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-Dbootstrap.servers=" + cluster.bootstrapServers());
        all.add("-Dschema.registry.url=" + cluster.registryUrl());
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine().execute(all.toArray(String[]::new));
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    @Order(1)
    void replayUntilATimeBetweenTwoSeedsShowsTheFigureAsItStoodThen() throws Exception {
        // between 003 (T0+3h) and 004 (T0+4h): the investment still reads about $15B, the valuation about $28B
        Run r = claimstream("replay", "--until", T0.plusSeconds(3 * 3600 + 1800).toString(), "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode out = JSON.readTree(r.out());
        JsonNode investment = entry(out.get("consensus"), "meta>scale-ai:investment_amount");
        assertThat(investment.get("figure").get("value").asDouble()).isEqualTo(15e9);
        assertThat(investment.get("sources").asInt()).isEqualTo(4);
        assertThat(entry(out.get("consensus"), "scale-ai:valuation").get("figure").get("value").asDouble()).isEqualTo(28e9);
        for (JsonNode c : out.get("changes")) {
            assertThat(Instant.parse(c.get("event_time").asText())).isBeforeOrEqualTo(T0.plusSeconds(3 * 3600 + 1800));
            assertThat(c.get("trigger").get("article").asText()).isNotEqualTo("004_15eb93a7e12ea013.txt");
        }

        Run now = claimstream("replay", "--json");
        JsonNode latest = entry(JSON.readTree(now.out()).get("consensus"), "meta>scale-ai:investment_amount");
        assertThat(latest.get("figure").get("value").asDouble()).isEqualTo(14.3e9);
    }

    @Test
    @Order(2)
    void auditShowsTheFullTrailOfTheInvestmentFigure() throws Exception {
        Run r = claimstream("audit", "meta>scale-ai:investment_amount", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode timeline = JSON.readTree(r.out()).get("timeline");
        assertThat(timeline).hasSize(2);
        JsonNode first = timeline.get(0), second = timeline.get(1);
        assertThat(first.get("before").isNull()).isTrue();
        assertThat(first.get("after").get("value").asDouble()).isEqualTo(15e9);
        assertThat(first.get("trigger").get("article").asText()).isEqualTo("000_66330783f51ab39a.txt");
        assertThat(second.get("before").get("value").asDouble()).isEqualTo(15e9);
        assertThat(second.get("after").get("value").asDouble()).isEqualTo(14.3e9);
        JsonNode trigger = second.get("trigger");
        assertThat(trigger.get("article").asText()).isEqualTo("004_15eb93a7e12ea013.txt");
        String text = ArticleFiles.read(Path.of("seeds", "004_15eb93a7e12ea013.txt")).getText();
        assertThat(text.substring(trigger.get("start").asInt(), trigger.get("end").asInt())).isEqualTo(trigger.get("evidence").asText())
                .contains("$14.3 billion");
        assertThat(second.get("claims")).hasSize(5);
        assertThat(second.get("claims")).allSatisfy(c -> assertThat(c.get("agrees").asBoolean()).isTrue());

        Run human = claimstream("audit", "meta>scale-ai:investment_amount");
        assertThat(human.out()).contains("about $15B → $14.3B").contains("claims behind it");
    }

    @Test
    @Order(3)
    void verifyFindsNoDifferenceAfterTheRunAndOneAfterATamperedRecord() throws Exception {
        Run clean = claimstream("verify");
        assertThat(clean.exitCode()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("verified");

        Topics topics = app.topics();
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", cluster.bootstrapServers());
        ConsensusChange forged = ConsensusChange.newBuilder()
                .setKey("meta>scale-ai:investment_amount").setSubject("meta").setCounterparty("scale-ai")
                .setAttribute("investment_amount").setQualifier(null).setUnit("USD")
                .setBefore(new Figure(14.3e9, null, Bound.exact)).setAfter(new Figure(99e9, null, Bound.exact)).setSources(5)
                .setTrigger(Trigger.newBuilder().setArticleId("forged").setSource("nobody").setUrl(null).setEvidence("made up").setStart(0).setEnd(7).build())
                .setEventTime(T0.plusSeconds(5 * 3600))
                .build();
        try (KafkaProducer<String, ConsensusChange> producer = new KafkaProducer<>(p,
                topics.changes().keySerde().serializer(), topics.changes().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.changes().name(), forged.getKey(), forged)).get();
        }
        Run tampered = claimstream("verify");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out()).contains("1 difference").contains("meta>scale-ai:investment_amount").contains("not in replay");
    }

    private static JsonNode entry(JsonNode array, String key) {
        for (JsonNode n : array) if (n.get("key").asText().equals(key)) return n;
        throw new AssertionError("no entry for " + key + " in " + array);
    }
}
