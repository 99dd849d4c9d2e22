package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.serde.MockSchemaRegistry;
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimstreamTopologyTest {
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");

    private final String scope = "topology-test-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, ConsensusChange> changes;
    private TestOutputTopic<String, Consensus> table;
    private Topics topics;

    @BeforeEach
    void start() {
        topics = new Topics(Map.of("schema.registry.url", "mock://" + scope));
        Properties props = StreamsSettings.defaults();
        props.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // The driver has no transactions to simulate, and under exactly_once_v2 it drops the dead-letter records of
        // the deserialization handler (a real broker keeps them: EmbeddedPipelineIT asserts that under EOS).
        props.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        var topology = ClaimstreamTopology.build(topics, new ClaimExtractor(), new ConsensusEngine(ConsensusConfig.defaults()), ClaimstreamTopology.Options.defaults(), props);
        driver = new TopologyTestDriver(topology, props);
        articles = driver.createInputTopic(Topics.ARTICLES, topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
        changes = driver.createOutputTopic(Topics.CHANGES, topics.changes().keySerde().deserializer(), topics.changes().valueSerde().deserializer());
        table = driver.createOutputTopic(Topics.CONSENSUS, topics.consensus().keySerde().deserializer(), topics.consensus().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        MockSchemaRegistry.drop(scope);
    }

    private void publishSeeds() throws Exception {
        List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
        assertThat(seeds).hasSize(5);
        for (int i = 0; i < seeds.size(); i++) {
            Article a = ArticleFiles.read(seeds.get(i));
            articles.pipeInput(a.getId(), a, T0.plusSeconds(i));
        }
    }

    private static GoldConsensus.Observed observed(ConsensusChange c) {
        return new GoldConsensus.Observed(c.getKey(), c.getAfter() == null ? null : c.getAfter().getValue(), c.getTrigger().getArticleId());
    }

    @Test
    void seedsLandEveryLabelledKey() throws Exception {
        publishSeeds();
        List<ConsensusChange> emitted = changes.readValuesToList();
        assertThat(GoldConsensus.violations(emitted.stream().map(ClaimstreamTopologyTest::observed).toList())).isEmpty();
        assertThat(emitted).allSatisfy(c -> assertThat(c.getCorrection()).isFalse());
    }

    @Test
    void theTableHoldsTheFigureAndEverySourceBehindIt() throws Exception {
        publishSeeds();
        KeyValueStore<String, Consensus> store = driver.getKeyValueStore("consensus");
        Consensus investment = store.get("meta>scale-ai:investment_amount");
        assertThat(investment.getFigure().getValue()).isEqualTo(14.3e9);
        assertThat(investment.getClaims()).hasSize(5);
        assertThat(investment.getUnit()).isEqualTo("USD");
        // the consensus topic carries the same value: the table for other clients
        Map<String, Consensus> latest = table.readKeyValuesToMap();
        assertThat(latest.get("meta>scale-ai:investment_amount")).isEqualTo(investment);
    }

    @Test
    void republishingTheSameArticlesChangesNothing() throws Exception {
        publishSeeds();
        changes.readValuesToList();
        publishSeeds();
        assertThat(changes.readValuesToList()).isEmpty();
    }

    @Test
    void eachChangeNamesTheSentenceThatMovedItWithItsOffsets() throws Exception {
        publishSeeds();
        for (ConsensusChange c : changes.readValuesToList()) {
            String text = ArticleFiles.read(Path.of("seeds", c.getTrigger().getArticleId())).getText();
            assertThat(text.substring(c.getTrigger().getStart(), c.getTrigger().getEnd())).isEqualTo(c.getTrigger().getEvidence());
        }
    }

    @Test
    void aFutureDatedArticleKeepsItsEventTimeButItsRecordsKeepTheAcceptedTimestamp() {
        Instant tomorrow = T0.plusSeconds(86_400 * 2);
        Article dated = Article.newBuilder().setId("wire-9").setSource("wire.example").setPublished(tomorrow)
                .setText("Acme Corp. agreed to buy Widget Inc. for $2 billion in cash, the companies said on Monday.").build();
        articles.pipeInput(dated.getId(), dated, T0);
        TestRecord<String, ConsensusChange> change = changes.readRecord();
        assertThat(change.getValue().getEventTime()).isEqualTo(tomorrow);
        // a broker refuses records stamped more than an hour ahead: downstream records carry the article record's time
        assertThat(change.getRecordTime()).isEqualTo(T0);
    }

    @Test
    void aCorrectedArticleWithdrawsWhatItNoLongerSays() {
        Article first = Article.newBuilder().setId("wire-1").setSource("wire.example")
                .setText("Acme Corp. agreed to buy Widget Inc. for $2 billion in cash, the companies said on Monday.").build();
        articles.pipeInput(first.getId(), first, T0);
        List<ConsensusChange> before = changes.readValuesToList();
        assertThat(before).isNotEmpty();
        String key = before.get(0).getKey();

        Article corrected = Article.newBuilder(first).setText("Acme Corp. and Widget Inc. said on Monday they had ended talks.").build();
        articles.pipeInput(corrected.getId(), corrected, T0.plusSeconds(60));

        List<ConsensusChange> after = changes.readValuesToList();
        assertThat(after).extracting(ConsensusChange::getKey).contains(key);
        assertThat(after.stream().filter(c -> c.getKey().equals(key)).reduce((a, b) -> b).orElseThrow().getAfter()).isNull();
    }

    @Test
    void recordsThatCannotBeReadOrProcessedGoToTheDeadLetterTopicAndTheRestFlows() throws Exception {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ARTICLES, new StringSerializer(), new ByteArraySerializer());
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        raw.pipeInput("garbage", "not avro at all".getBytes(StandardCharsets.UTF_8), T0);
        articles.pipeInput("tombstone", null, T0);
        publishSeeds();

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), "__streams.errors.exception")).contains("SerializationException");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo(Topics.ARTICLES);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(header(dead.get(1), "__streams.errors.message")).contains("no value");
        assertThat(GoldConsensus.violations(changes.readValuesToList().stream().map(ClaimstreamTopologyTest::observed).toList())).isEmpty();
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
