package io.claimstream.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Article;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedKafka;
import io.claimstream.embedded.EmbeddedSchemaRegistry;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.replay.TopicReader;
import io.claimstream.serde.GenericAvroSerializer;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import io.claimstream.testing.GoldConsensus;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * claimstream against a broker that requires SASL/SCRAM-SHA-512 over TLS and a registry that requires HTTP basic
 * auth, configured only through the usual Kafka and Confluent properties in a {@code --config} file. The packaged
 * jar runs in its own JVM with every logger at INFO (Kafka prints its client configurations there), and its whole
 * output is checked: no password, no basic-auth token, ever. Wrong credentials fail with a message that says so.
 */
class SecureClusterIT {
    private static final String APP_USER = "claimstream";
    private static Path dir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static Path truststore;
    // Random per run, alphanumeric (SCRAM's format arguments take no commas or brackets)
    private static final String KEYSTORE_PASSWORD = secret("ks");
    private static final String TRUSTSTORE_PASSWORD = secret("ts");
    private static final String BROKER_PASSWORD = secret("broker");
    private static final String APP_PASSWORD = secret("scram");
    private static final String REGISTRY_PASSWORD = secret("registry");
    private static final String WRONG_PASSWORD = secret("wrong");

    @BeforeAll
    static void startSecuredCluster() throws Exception {
        dir = Files.createTempDirectory("claimstream-secure");
        Path keystore = dir.resolve("broker.p12");
        truststore = dir.resolve("truststore.p12");
        Path cert = dir.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", TRUSTSTORE_PASSWORD);

        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, new EmbeddedKafka.Security(keystore, KEYSTORE_PASSWORD,
                truststore, TRUSTSTORE_PASSWORD, "broker", Map.of("broker", BROKER_PASSWORD, APP_USER, APP_PASSWORD)));
        registry = EmbeddedSchemaRegistry.start(kafka.clientConfig(), 0, Map.of(APP_USER, REGISTRY_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (registry != null) registry.close();
        if (kafka != null) kafka.close();
    }

    /** The application's configuration, as a user writes it. */
    private static Properties appConfig(String kafkaPassword, String registryPassword) {
        Properties p = EmbeddedKafka.saslSslClientConfig(kafka.bootstrapServers(), truststore, TRUSTSTORE_PASSWORD,
                APP_USER, kafkaPassword);
        p.setProperty("schema.registry.url", registry.url());
        p.setProperty("basic.auth.credentials.source", "USER_INFO");
        p.setProperty("basic.auth.user.info", APP_USER + ":" + registryPassword);
        p.setProperty("application.id", "secure");
        p.setProperty("state.dir", dir.resolve("state").toString());
        return p;
    }

    @Test
    void theApplicationRunsOverSaslSslWithRegistryAuthAndNeverLogsASecret() throws Exception {
        Properties cfg = StreamsSettings.defaults();
        cfg.putAll(appConfig(APP_PASSWORD, REGISTRY_PASSWORD));
        Path config = write("app.properties", appConfig(APP_PASSWORD, REGISTRY_PASSWORD));
        Path log = dir.resolve("app.log");
        Process app = jar(log, "run", "--config", config.toString());
        String output;
        try {
            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            // The publisher too is a client of the secured broker and registry.
            try (ArticlePublisher publisher = new ArticlePublisher(cfg, topics)) {
                List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
                Instant t0 = Instant.parse("2025-06-10T00:00:00Z");
                for (int i = 0; i < seeds.size(); i++) publisher.publishAndWait(ArticleFiles.read(seeds.get(i)), t0.plusSeconds(i));
            }
            try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
                Progress progress = new Progress(admin, "secure");
                long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
                // the group appears once the application has joined; until then "caught up" means nothing
                while (admin.listConsumerGroupOffsets("secure").partitionsToOffsetAndMetadata().get().isEmpty()) {
                    assertThat(app.isAlive()).as("application alive; its output:\n" + Files.readString(log)).isTrue();
                    assertThat(System.nanoTime()).as("application committed something").isLessThan(deadline);
                    Thread.sleep(500);
                }
                progress.awaitCaughtUp(progress.inputs(topics), Duration.ofSeconds(300), lag -> {});
            }
            List<GoldConsensus.Observed> observed = new ArrayList<>();
            for (var r : TopicReader.readAll(cfg, topics.changes().name(), new StringDeserializer(),
                    topics.changes().valueSerde().deserializer(), Duration.ofSeconds(60))) {
                ConsensusChange c = r.value();
                observed.add(new GoldConsensus.Observed(c.getKey(), c.getAfter() == null ? null : c.getAfter().getValue(),
                        c.getTrigger().getArticleId()));
            }
            assertThat(GoldConsensus.violations(observed)).isEmpty();
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            output = Files.readString(log);
        }
        assertThat(output).as("the application logged at INFO").contains("running as secure");
        assertNoSecretIn(output);
    }

    @Test
    void aWrongBrokerPasswordFailsClearlyWithoutPrintingIt() throws Exception {
        Path config = write("wrong-scram.properties", appConfig(WRONG_PASSWORD, REGISTRY_PASSWORD));
        String output = assertGivesUp("wrong-scram.log", 180, "run", "--config", config.toString());
        assertThat(output).contains("Authentication failed").contains("SCRAM-SHA-512");
        assertThat(output).doesNotContain(WRONG_PASSWORD);
        assertNoSecretIn(output);
    }

    @Test
    void aWrongRegistryPasswordFailsClearlyWithoutPrintingIt() throws Exception {
        Path config = write("wrong-registry.properties", appConfig(APP_PASSWORD, WRONG_PASSWORD));
        String output = assertGivesUp("wrong-registry.log", 180, "publish", "--config", config.toString(),
                "seeds/000_66330783f51ab39a.txt");
        assertThat(output).contains("401");
        assertThat(output).doesNotContain(WRONG_PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString((APP_USER + ":" + WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertNoSecretIn(output);
    }

    /**
     * {@code run} asks the registry one authenticated question before it starts Kafka Streams: refused credentials
     * stop it at once, non-zero, saying so, instead of retrying for ever as if the registry were down.
     */
    @Test
    void aWrongRegistryPasswordStopsRunClearlyWithoutPrintingIt() throws Exception {
        Properties p = appConfig(APP_PASSWORD, WRONG_PASSWORD);
        p.setProperty("http.port", "0");
        Path config = write("wrong-registry-run.properties", p);
        String output = assertGivesUp("wrong-registry-run.log", 120, "run", "--config", config.toString());
        assertThat(output).contains("claimstream run: schema registry at " + registry.url()
                + " refused claimstream's credentials (HTTP 401 Unauthorized)");
        assertThat(output).doesNotContain(WRONG_PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString((APP_USER + ":" + WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertNoSecretIn(output);
    }

    /**
     * The registry starts refusing the credentials while the application runs (its password changed): that is not
     * the record's fault, so nothing is dead-lettered and the record stays unprocessed; and it is not an outage, so
     * {@code run} stops, non-zero, with one line that says so, instead of replacing stream threads for ever.
     */
    @Test
    void aRegistryThatStartsRefusingTheCredentialsStopsRunAndDeadLettersNothing() throws Exception {
        String appId = "refused";
        Properties p = appConfig(APP_PASSWORD, REGISTRY_PASSWORD);
        p.setProperty("application.id", appId);
        p.setProperty("http.port", "0");
        Path config = write("refused-later.properties", p);
        Properties cfg = StreamsSettings.defaults();
        cfg.putAll(p);
        Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
        Path log = dir.resolve("refused-later.log");
        int registryPort = registry.port();
        String rotatedPassword = secret("rotated");
        Process app = jar(log, "run", "--config", config.toString());
        String output;
        long offset;
        try (Admin admin = Admin.create(ClientConfigs.admin(cfg))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!Files.readString(log).contains("running as " + appId)) {
                assertThat(app.isAlive()).as("application alive; its output:\n" + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("application running; its output:\n" + Files.readString(log)).isLessThan(deadline);
                Thread.sleep(200);
            }
            // Whatever other tests published is read (and its schemas fetched) with the right password first.
            new Progress(admin, appId).awaitCaughtUp(new Progress(admin, appId).inputs(topics), Duration.ofSeconds(180), lag -> {});
            registry.close();
            registry = EmbeddedSchemaRegistry.start(kafka.clientConfig(), registryPort, Map.of(APP_USER, rotatedPassword));
            try {
                // An Article in a schema the application has not seen, registered with the new password, so that
                // reading it makes the application ask the registry.
                Schema v3 = withField(Article.getClassSchema(), "desk", "[\"null\", \"string\"]");
                Map<String, Object> rotated = new HashMap<>(StreamsSettings.serdeConfig(cfg));
                rotated.put("basic.auth.user.info", APP_USER + ":" + rotatedPassword);
                GenericRecord article = new GenericData.Record(v3);
                article.put("id", "after-rotation");
                // No figure in it: should another test's application read it, it adds no change to compare.
                article.put("text", "The weather in the valley was mild on Monday.");
                article.put("desk", "rotation");
                try (GenericAvroSerializer values = new GenericAvroSerializer();
                     KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientConfigs.producer(cfg),
                             new ByteArraySerializer(), new ByteArraySerializer())) {
                    values.configure(rotated, false);
                    offset = producer.send(new ProducerRecord<>(Topics.ARTICLES, 0, "after-rotation".getBytes(StandardCharsets.UTF_8),
                            values.serialize(Topics.ARTICLES, article))).get().offset();
                }
                boolean exited = app.waitFor(120, TimeUnit.SECONDS);
                output = Files.readString(log);
                assertThat(exited).as("run stops once the registry refuses its credentials; output:\n" + output).isTrue();
                assertThat(app.exitValue()).as(output).isNotZero();
            } finally {
                registry.close();
                registry = EmbeddedSchemaRegistry.start(kafka.clientConfig(), registryPort, Map.of(APP_USER, REGISTRY_PASSWORD));
            }
            var committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(Topics.ARTICLES, 0));
            assertThat(committed == null ? 0 : committed.offset()).as("the record is left for a run with the right password")
                    .isLessThanOrEqualTo(offset);
        } finally {
            if (app.isAlive()) app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        for (var r : TopicReader.readAll(cfg, Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Duration.ofSeconds(60))) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).as("dead-lettered").isNotEqualTo("after-rotation");
        }
        assertThat(output).contains("schema registry at " + registry.url() + " refused claimstream's credentials (HTTP 401 Unauthorized)")
                .contains("claimstream run: Kafka Streams stopped (ERROR)");
        assertThat(output).doesNotContain(rotatedPassword)
                .doesNotContain(Base64.getEncoder().encodeToString((APP_USER + ":" + rotatedPassword).getBytes(StandardCharsets.UTF_8)));
        assertNoSecretIn(output);
    }

    private static Schema withField(Schema base, String name, String typeJson) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode schema = (ObjectNode) json.readTree(base.toString());
        ObjectNode field = schema.withArray("fields").addObject();
        field.put("name", name);
        field.set("type", json.readTree(typeJson));
        field.putNull("default");
        return new Schema.Parser().parse(schema.toString());
    }

    /** Runs the jar with refused credentials: it must exit, non-zero, within the time; answers its output. */
    private static String assertGivesUp(String logName, int seconds, String... args) throws Exception {
        Path log = dir.resolve(logName);
        Process p = jar(log, args);
        boolean exited = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String output = Files.readString(log);
        assertThat(exited).as(args[0] + " gives up on refused credentials; output:\n" + output).isTrue();
        assertThat(p.exitValue()).as(output).isNotZero();
        return output;
    }

    private static void assertNoSecretIn(String output) {
        for (String secret : List.of(KEYSTORE_PASSWORD, TRUSTSTORE_PASSWORD, BROKER_PASSWORD, APP_PASSWORD, REGISTRY_PASSWORD)) {
            assertThat(output).as("a secret in the output").doesNotContain(secret);
        }
        assertThat(output).doesNotContain(Base64.getEncoder().encodeToString(
                (APP_USER + ":" + REGISTRY_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static Path write(String name, Properties p) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
        return file;
    }

    /** The packaged jar in its own JVM, every logger at INFO, stdout and stderr to {@code log}. */
    private static Process jar(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.io.claimstream=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-jar", Path.of("target", "claimstream.jar").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool " + args[0] + ": " + out).isZero();
    }

    private static String secret(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
