package io.claimstream.it;

import io.claimstream.avro.Article;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.config.ClientConfigs;
import io.claimstream.embedded.EmbeddedKafka;
import io.claimstream.embedded.EmbeddedSchemaRegistry;
import io.claimstream.replay.TopicReader;
import io.claimstream.serde.RestSchemaRegistryClient;
import io.claimstream.serde.SchemaRegistryException;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.Progress;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile and bad input against one running application on a real broker and registry. Each test publishes its
 * bad records and then a well-formed "sentinel" article, waits until the application has committed past all of
 * them, and accounts for every record it published: each is either dead-lettered (with the reason in the
 * {@code __streams.errors.*} headers, pointing back at its offset) or processed (committed, not dead-lettered). The
 * sentinel's change proves the application is still running and processing after the bad input.
 */
class HostileInputIT {
    private static final String APP_ID = "hostile";
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;
    private static final AtomicInteger SENTINELS = new AtomicInteger();

    private static Path dir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static int registryPort;
    private static Properties cfg;
    private static ClaimstreamApp app;
    private static KafkaProducer<byte[], byte[]> raw;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("claimstream-hostile");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        registryPort = registry.port();
        cfg = StreamsSettings.defaults();
        cfg.setProperty("bootstrap.servers", kafka.bootstrapServers());
        cfg.setProperty("schema.registry.url", registry.url());
        cfg.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
        cfg.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        // a 10 MB article needs a consumer that fetches it in one go
        cfg.setProperty(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), Integer.toString(MAX_MESSAGE));
        app = new ClaimstreamApp(cfg).start();
        app.awaitRunning(Duration.ofSeconds(120));
        admin = Admin.create(ClientConfigs.admin(cfg));
        // The broker's default record limit is 1 MB; a deployment that accepts 10 MB articles raises it like this.
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES),
                List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", Integer.toString(MAX_MESSAGE)),
                        AlterConfigOp.OpType.SET)))).all().get();
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_MESSAGE));
        p.setProperty(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(4 * MAX_MESSAGE));
        raw = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        if (raw != null) raw.close();
        if (admin != null) admin.close();
        if (app != null) app.close();
        if (registry != null) registry.close();
        if (kafka != null) kafka.close();
    }

    // ------------------------------------------------------------------ bad bytes: dead-lettered with a reason

    @Test
    void nonAvroBytesAreDeadLettered() throws Exception {
        long bad = send("not-avro", "binary garbage, not Avro".getBytes(StandardCharsets.UTF_8));
        long tooShort = send("too-short", new byte[] {0, 1});
        account(Map.of(bad, "unknown magic byte", tooShort, "too short"), List.of());
    }

    @Test
    void anUnknownSchemaIdIsDeadLettered() throws Exception {
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
        account(Map.of(send("unknown-id", unknownId), "987654"), List.of());
    }

    @Test
    void truncatedAvroIsDeadLettered() throws Exception {
        byte[] whole = article("truncated", "Zorbax Corp. will invest $5 billion in Quintor Labs.");
        long cut = send("truncated", Arrays.copyOf(whole, whole.length - 12));
        long headerOnly = send("header-only", Arrays.copyOf(whole, 5));
        account(Map.of(cut, "truncated", headerOnly, "truncated"), List.of());
    }

    @Test
    void aNullValueIsDeadLettered() throws Exception {
        account(Map.of(send("tombstone", null), "no value"), List.of());
    }

    @Test
    void randomBytesAreDeadLetteredOrReadNeverCrashing() throws Exception {
        // Pure noise (never the wire format's magic byte), and noise behind a valid header and schema id: the
        // latter may even decode to some Article; each record is one or the other, and the application goes on.
        SplittableRandom random = new SplittableRandom(7);
        int articleId = schemaIdOf(article("probe", "probe"));
        Map<Long, String> dead = new LinkedHashMap<>();
        List<Long> either = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(noise);
            noise[0] = (byte) (1 + random.nextInt(255));
            dead.put(send("noise-" + i, noise), "Cannot deserialize");
            byte[] framed = new byte[5 + random.nextInt(2_000)];
            random.nextBytes(framed);
            ByteBuffer.wrap(framed).put((byte) 0).putInt(articleId);
            either.add(send("framed-noise-" + i, framed));
        }
        Map<Long, ConsumerRecord<byte[], byte[]>> deadLetters = account(dead, List.of(), either);
        for (long offset : either) {
            if (deadLetters.containsKey(offset)) assertThat(reason(deadLetters.get(offset))).contains("Cannot deserialize");
        }
    }

    // ------------------------------------------------------------------ odd but valid articles: processed

    @Test
    void anEmptyTextIsProcessedWithoutClaims() throws Exception {
        long empty = send("empty", article("empty", ""));
        long blank = send("blank", article("blank", " \n\t \u00a0\u2028 "));
        account(Map.of(), List.of(empty, blank));
        assertThat(changesTriggeredBy("empty")).isEmpty();
    }

    @Test
    void aTenMegabyteTextIsProcessed() throws Exception {
        String seed = Files.readString(Path.of("seeds", "000_66330783f51ab39a.txt"));
        StringBuilder text = new StringBuilder(10 * 1024 * 1024 + seed.length());
        while (text.length() < 10 * 1024 * 1024) text.append(seed).append('\n');
        account(Map.of(), List.of(send("ten-mb", article("ten-mb", text.toString()))));
        assertThat(changesTriggeredBy("ten-mb")).as("the seed's figures, from the 10 MB article").isNotEmpty();
    }

    @Test
    void binaryGarbageAsTextIsProcessed() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder();
        // every code point, control characters and private use included (lone surrogates are not valid UTF-8)
        while (text.length() < 200_000) {
            int cp = random.nextInt(0x110000);
            if (cp < 0xD800 || cp > 0xDFFF) text.appendCodePoint(cp);
        }
        String garbage = text.toString();
        StringBuilder bytesAsText = new StringBuilder();
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        bytesAsText.append(new String(noise, StandardCharsets.ISO_8859_1));
        account(Map.of(), List.of(send("garbage-text", article("garbage-text", garbage)),
                send("latin1-noise", article("latin1-noise", bytesAsText.toString()))));
    }

    @Test
    void aHundredThousandNumbersInARowAreProcessed() throws Exception {
        StringBuilder plain = new StringBuilder();
        StringBuilder money = new StringBuilder("Zorbax Corp. will invest ");
        for (int i = 0; i < 100_000; i++) {
            plain.append(i).append(' ');
            money.append('$').append(i).append(" billion, ");
        }
        money.append("in Quintor Labs.");
        account(Map.of(), List.of(send("numbers", article("numbers", plain.toString())),
                send("money", article("money", money.toString())),
                send("digits", article("digits", "1".repeat(100_000) + " " + "9,".repeat(100_000)))));
    }

    // ------------------------------------------------------------------ schemas

    @Test
    void aNewerProducersArticleWithAnOptionalFieldIsReadAndAnIncompatibleSchemaIsRefused() throws Exception {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
        Schema v2 = withField(Article.getClassSchema(), "section", "[\"null\", \"string\"]", "null");
        int v2Id = client.register(Topics.ARTICLES + "-value", v2);
        GenericRecord r = new GenericData.Record(v2);
        String id = "v2-" + SENTINELS.incrementAndGet();
        r.put("id", id);
        r.put("text", sentenceFor(id));
        r.put("section", "markets");
        long offset = send(id, wire(v2Id, r));
        account(Map.of(), List.of(offset));
        assertThat(changesTriggeredBy(id)).as("the v2 article's claim reached the consensus").isNotEmpty();

        // A required field without a default cannot read the data already written: BACKWARD says no, 409.
        Schema incompatible = withField(Article.getClassSchema(), "word_count", "\"int\"", null);
        assertThatThrownBy(() -> client.register(Topics.ARTICLES + "-value", incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    /**
     * A registry that is down is not the record's fault: nothing is dead-lettered. The stream thread fails on the
     * schema it cannot fetch, is replaced after a back-off, and processes the records once the registry is back.
     */
    @Test
    void aRegistryThatIsDownDelaysButDeadLettersNothing() throws Exception {
        // A schema the application has not seen yet, so it must ask the registry for it.
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        Schema v3 = withField(Article.getClassSchema(), "desk", "[\"null\", \"string\"]", "null");
        int v3Id = client.register(Topics.ARTICLES + "-value", v3);
        registry.close();
        List<Long> offsets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                GenericRecord r = new GenericData.Record(v3);
                String id = "during-outage-" + SENTINELS.incrementAndGet();
                r.put("id", id);
                r.put("text", sentenceFor(id));
                r.put("desk", "outage");
                offsets.add(send(id, wire(v3Id, r)));
                ids.add(id);
            }
            // While the registry is down the application cannot get past the first of them.
            Progress progress = new Progress(admin, APP_ID);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until) {
                assertThat(progress.lag(progress.inputs(app.topics()))).as("processed without the registry").isPositive();
                Thread.sleep(500);
            }
        } finally {
            registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), registryPort);
        }
        account(Map.of(), offsets);
        for (String id : ids) assertThat(changesTriggeredBy(id)).as(id + " processed after the outage").isNotEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Publishes a sentinel article, waits until the application has committed past everything, and checks each
     * of this test's records: those in {@code dead} are in the dead-letter topic with the reason, those in
     * {@code processed} are not; those in {@code either} may be one or the other. The sentinel's change shows the
     * application went on. Answers the dead letters by offset.
     */
    private static Map<Long, ConsumerRecord<byte[], byte[]>> account(Map<Long, String> dead, List<Long> processed, List<Long> either)
            throws Exception {
        String sentinel = "sentinel-" + SENTINELS.incrementAndGet();
        long sentinelOffset = send(sentinel, article(sentinel, sentenceFor(sentinel)));
        Progress progress = new Progress(admin, APP_ID);
        progress.awaitCaughtUp(progress.inputs(app.topics()), Duration.ofSeconds(300), lag -> {});
        assertThat(app.streams().state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

        Map<Long, ConsumerRecord<byte[], byte[]>> byOffset = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cfg, Topics.DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(60))) {
            assertThat(header(r, "__streams.errors.topic")).isEqualTo(Topics.ARTICLES);
            byOffset.put(Long.parseLong(header(r, "__streams.errors.offset")), r);
        }
        dead.forEach((offset, reason) -> {
            assertThat(byOffset).as("record at offset " + offset + " dead-lettered").containsKey(offset);
            assertThat(reason(byOffset.get(offset))).as("reason for offset " + offset).contains(reason);
        });
        for (long offset : processed) assertThat(byOffset).as("record at offset " + offset + " processed, not dead-lettered").doesNotContainKey(offset);
        assertThat(byOffset).doesNotContainKey(sentinelOffset);
        assertThat(changesTriggeredBy(sentinel)).as("the application processes records after the bad ones").isNotEmpty();
        return byOffset;
    }

    private static Map<Long, ConsumerRecord<byte[], byte[]>> account(Map<Long, String> dead, List<Long> processed) throws Exception {
        return account(dead, processed, List.of());
    }

    private static String reason(ConsumerRecord<byte[], byte[]> r) {
        return header(r, "__streams.errors.exception") + ": " + header(r, "__streams.errors.message");
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsensusChange> changesTriggeredBy(String articleId) {
        var changes = app.topics().changes();
        List<ConsensusChange> out = new ArrayList<>();
        for (var r : TopicReader.readAll(cfg, changes.name(), new StringDeserializer(), changes.valueSerde().deserializer(),
                Duration.ofSeconds(60))) {
            if (articleId.equals(r.value().getTrigger().getArticleId())) out.add(r.value());
        }
        return out;
    }

    private static long send(String key, byte[] value) throws Exception {
        return raw.send(new ProducerRecord<>(Topics.ARTICLES, 0, key.getBytes(StandardCharsets.UTF_8), value)).get().offset();
    }

    /** An article in the application's own schema, through its own serializer. */
    private static byte[] article(String id, String text) {
        Article a = Article.newBuilder().setId(id).setText(text).setSource(id + ".example")
                .setPublished(Instant.parse("2025-06-10T00:00:00Z")).build();
        return app.topics().articles().valueSerde().serializer().serialize(Topics.ARTICLES, a);
    }

    /** A sentence that claims a figure under a key of its own: "Zorbax..." names differ by letters, not digits. */
    private static String sentenceFor(String id) {
        int n = Math.abs(id.hashCode()) % 1_000_000;
        StringBuilder name = new StringBuilder("Zor");
        for (char c : Integer.toString(n).toCharArray()) name.append((char) ('a' + (c - '0')));
        return name + " Corp. will invest $5 billion in Quintor Labs, the companies said on Monday.";
    }

    private static int schemaIdOf(byte[] wire) {
        return ByteBuffer.wrap(wire, 1, 4).getInt();
    }

    /** Confluent's wire format by hand: the way another producer, with its own registry client, writes. */
    private static byte[] wire(int schemaId, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The schema with one more field appended ({@code defaultJson} null = no default). */
    private static Schema withField(Schema base, String name, String typeJson, String defaultJson) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(base.toString());
        var field = ((com.fasterxml.jackson.databind.node.ObjectNode) json).withArray("fields").addObject();
        field.put("name", name);
        field.set("type", new com.fasterxml.jackson.databind.ObjectMapper().readTree(typeJson));
        if (defaultJson != null) field.set("default", new com.fasterxml.jackson.databind.ObjectMapper().readTree(defaultJson));
        return new Schema.Parser().parse(json.toString());
    }
}
