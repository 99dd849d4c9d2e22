package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.testing.GoldConsensus;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

import static org.assertj.core.api.Assertions.assertThat;

class ClaimstreamTopologyTest {
    private static final Instant T0 = Instant.parse("2025-06-10T00:00:00Z");

    private TopologyHarness harness;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, ConsensusChange> changes;
    private TestOutputTopic<String, Consensus> table;
    private Topics topics;

    @BeforeEach
    void start() {
        harness = new TopologyHarness(new ConsensusEngine(ConsensusConfig.defaults()), ClaimstreamTopology.Options.defaults());
        topics = harness.topics;
        driver = harness.driver;
        articles = harness.articles;
        changes = harness.changes;
        table = harness.table;
    }

    @AfterEach
    void stop() {
        harness.close();
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
    void aNewAgreeingSourceCorroboratesWithoutAChange() throws Exception {
        publishSeeds();
        String key = "meta>scale-ai:investment_amount";
        List<ConsensusChange> moved = changes.readValuesToList().stream().filter(c -> c.getKey().equals(key)).toList();
        List<io.claimstream.avro.Corroboration> agreed = harness.corroborations.readValuesToList().stream()
                .filter(c -> c.getKey().equals(key)).toList();
        // 000 sets $15B and 004 moves it to $14.3B; 001 (about $15B), 002 (more than $10B) and 003 ($10–15B) each
        // agree with $15B without moving it
        assertThat(moved).extracting(c -> c.getTrigger().getArticleId().substring(0, 3)).containsExactly("000", "004");
        assertThat(agreed).extracting(c -> c.getTrigger().getArticleId().substring(0, 3)).containsExactly("001", "002", "003");
        assertThat(agreed).extracting(io.claimstream.avro.Corroboration::getAgreeing).containsExactly(2, 3, 4);
        assertThat(agreed).allSatisfy(c -> assertThat(c.getFigure().getValue()).isEqualTo(15e9));

        publishSeeds(); // redelivered: nothing new agrees
        assertThat(harness.corroborations.isEmpty()).isTrue();
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

    // ---- units -----------------------------------------------------------------------------------------------

    @Test
    void aClaimInAnotherCurrencyDoesNotVoteAndIsCounted() {
        harness.close();
        java.util.concurrent.atomic.AtomicInteger otherUnit = new java.util.concurrent.atomic.AtomicInteger();
        PipelineMetrics counting = new PipelineMetrics() {
            @Override
            public void claimInOtherUnit() {
                otherUnit.incrementAndGet();
            }
        };
        harness = new TopologyHarness(new ConsensusEngine(ConsensusConfig.defaults()),
                ClaimstreamTopology.Options.defaults().withMetrics(counting));
        Article dollars = Article.newBuilder().setId("us-1").setSource("us.example")
                .setText("Acme Corp. agreed to buy Widget Inc. for $2 billion in cash, the companies said on Monday.").build();
        Article euros = Article.newBuilder().setId("eu-1").setSource("eu.example")
                .setText("Acme Corp. agreed to buy Widget Inc. for 1.2 billion euros in cash, the companies said on Monday.").build();
        harness.articles.pipeInput(dollars.getId(), dollars, T0);
        List<ConsensusChange> first = harness.changes.readValuesToList();
        assertThat(first).extracting(ConsensusChange::getKey).contains("acme>widget:deal_value");

        harness.articles.pipeInput(euros.getId(), euros, T0.plusSeconds(60));

        assertThat(harness.changes.readValuesToList()).as("1.2 billion euros is not a move from $2 billion").isEmpty();
        KeyValueStore<String, Consensus> store = harness.driver.getKeyValueStore(ConsensusProcessor.STORE);
        Consensus deal = store.get("acme>widget:deal_value");
        assertThat(deal.getUnit()).isEqualTo("USD");
        assertThat(deal.getFigure().getValue()).isEqualTo(2e9);
        assertThat(deal.getClaims()).extracting(c -> c.getArticleId()).containsExactly("us-1");
        assertThat(otherUnit.get()).isEqualTo(1);
    }

    // ---- versions of one article: the fetched time orders them, not arrival and not the figure ------------------

    private static final String DEAL = "acme>widget:deal_value";

    private static Article version(String text, Instant published, Instant fetched) {
        return Article.newBuilder().setId("wire-7").setSource("wire.example").setUrl("https://wire.example/7")
                .setPublished(published).setFetched(fetched).setText(text).build();
    }

    private static final String FIRST = "Acme Corp. agreed to buy Widget Inc. for $2.5 billion in cash, the companies "
            + "said on Monday. Widget Inc. reported revenue of $400 million in 2024.";
    private static final String CORRECTED = "Acme Corp. agreed to buy Widget Inc. for $2 billion in cash, the companies "
            + "said on Monday. (Corrects the price, first given as $2.5 billion.)";

    private static Map<String, io.claimstream.avro.HistoryEntry> historyStore(TopologyTestDriver d) {
        Map<String, io.claimstream.avro.HistoryEntry> out = new java.util.TreeMap<>();
        KeyValueStore<String, io.claimstream.avro.HistoryEntry> store = d.getKeyValueStore(ClaimHistoryStore.NAME);
        try (var it = store.all()) {
            it.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    private static Map<String, Consensus> consensusStore(TopologyTestDriver d) {
        Map<String, Consensus> out = new java.util.TreeMap<>();
        KeyValueStore<String, Consensus> store = d.getKeyValueStore("consensus");
        try (var it = store.all()) {
            it.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    @Test
    void aCorrectionAtTheSamePublishedTimeReplacesTheFigureWhateverItsValue() {
        Instant published = T0.minusSeconds(3600);
        articles.pipeInput("wire-7", version(FIRST, published, T0), T0);
        Consensus first = (Consensus) driver.getKeyValueStore("consensus").get(DEAL);
        assertThat(first.getFigure().getValue()).isEqualTo(2.5e9);
        Map<String, Consensus> before = consensusStore(driver);
        assertThat(before).hasSizeGreaterThan(1); // the deal value and the revenue

        // same article, same published time, a lower figure: only the fetched time says it is the newer version
        articles.pipeInput("wire-7", version(CORRECTED, published, T0.plusSeconds(600)), T0.plusSeconds(600));
        Map<String, Consensus> after = consensusStore(driver);
        assertThat(after.get(DEAL).getFigure().getValue()).isEqualTo(2e9);
        assertThat(after.get(DEAL).getClaims()).hasSize(1);
        // every key only the first version claimed is withdrawn
        for (String key : before.keySet()) {
            if (!key.equals(DEAL)) assertThat(after.get(key).getFigure()).as(key).isNull();
        }
        assertThat(changes.readValuesToList()).filteredOn(c -> c.getKey().equals(DEAL))
                .extracting(c -> c.getAfter().getValue()).containsExactly(2.5e9, 2e9);
    }

    @Test
    void aNewerVersionArrivingFirstEndsWhereInOrderArrivalEnds() throws Exception {
        Instant published = T0.minusSeconds(3600);
        Article v1 = version(FIRST, published, T0), v2 = version(CORRECTED, published, T0.plusSeconds(600));
        articles.pipeInput("wire-7", v1, T0);
        articles.pipeInput("wire-7", v2, T0.plusSeconds(1));
        Map<String, Consensus> inOrder = consensusStore(driver);
        assertThat(inOrder.get(DEAL).getFigure().getValue()).isEqualTo(2e9);

        try (TopologyHarness reversed = new TopologyHarness(new ConsensusEngine(ConsensusConfig.defaults()),
                ClaimstreamTopology.Options.defaults())) {
            reversed.articles.pipeInput("wire-7", v2, T0);
            reversed.articles.pipeInput("wire-7", v1, T0.plusSeconds(1));
            // the same standings and the same histories, claim for claim and retraction for retraction
            assertThat(consensusStore(reversed.driver)).isEqualTo(inOrder);
            assertThat(historyStore(reversed.driver)).isEqualTo(historyStore(driver));
        }
    }

    @Test
    void aRefetchOfUnchangedTextForwardsNothing() {
        Instant published = T0.minusSeconds(3600);
        articles.pipeInput("wire-7", version(FIRST, published, T0), T0);
        Map<String, Consensus> before = consensusStore(driver);
        changes.readValuesToList();
        table.readValuesToList();

        articles.pipeInput("wire-7", version(FIRST, published, T0.plusSeconds(3600)), T0.plusSeconds(3600));
        assertThat(table.isEmpty()).as("no claim reached consensus").isTrue();
        assertThat(changes.isEmpty()).isTrue();
        assertThat(consensusStore(driver)).isEqualTo(before);
        KeyValueStore<String, String> versions = driver.getKeyValueStore(ExtractClaimsProcessor.ARTICLE_KEYS_STORE);
        assertThat(ArticleVersions.decode(versions.get("wire-7"))).hasSize(1);
    }

    @Test
    void copiesOfOneWireStoryCountAsOneSource() {
        String wire = "Acme Corp. agreed to buy Widget Inc. for $10 billion in cash, the companies said on Monday, in "
                + "a deal that would create the largest maker of industrial sensors in North America. The boards of "
                + "both companies approved the transaction, which is expected to close in the second half of the year "
                + "subject to regulatory approvals. Widget shareholders will receive a premium of about 30 percent to "
                + "the closing price on Friday. Acme said the combination would save about $300 million a year in "
                + "costs within three years and that it would fund the purchase with cash on hand and new debt.";
        String[] outlets = {"a.example", "b.example", "c.example"};
        for (int i = 0; i < outlets.length; i++) {
            String copy = (i == 1 ? "By Staff Reporters\n" : "") + wire + (i == 2 ? "\nShare this article" : "");
            articles.pipeInput("copy-" + i, Article.newBuilder().setId("copy-" + i).setSource(outlets[i])
                    .setPublished(T0.plusSeconds(i)).setText(copy).build(), T0.plusSeconds(i));
        }
        String indieA = "Acme Corp. will pay $12 billion for Widget Inc., according to two people familiar with the "
                + "talks, who asked not to be named because the matter is private. The price, higher than earlier "
                + "reports suggested, reflects a bidding contest with a private equity firm that dropped out last week. "
                + "Widget makes pressure and temperature sensors used in factories and cars, and has grown quickly "
                + "since it won a large contract from a European carmaker. Acme declined to comment.";
        String indieB = "Industrial group Acme Corp. has clinched a $12 billion takeover of Widget Inc., a sensor "
                + "maker based in Ohio, ending months of speculation about the company's future. Analysts at two "
                + "brokerages said the valuation looked full but that the deal gave Acme a foothold in automotive "
                + "electronics. Widget's founder, who owns a fifth of the shares, backed the sale, a filing showed. "
                + "Shares of Widget rose sharply in late trading after the announcement was made public.";
        articles.pipeInput("indie-a", Article.newBuilder().setId("indie-a").setSource("x.example")
                .setPublished(T0.plusSeconds(10)).setText(indieA).build(), T0.plusSeconds(10));
        articles.pipeInput("indie-b", Article.newBuilder().setId("indie-b").setSource("y.example")
                .setPublished(T0.plusSeconds(11)).setText(indieB).build(), T0.plusSeconds(11));

        Consensus deal = (Consensus) driver.getKeyValueStore("consensus").get(DEAL);
        assertThat(deal.getClaims()).hasSize(5);
        assertThat(deal.getClaims()).filteredOn(c -> c.getWeight() > 0).extracting(c -> c.getSource())
                .containsExactlyInAnyOrder("a.example", "x.example", "y.example");
        assertThat(deal.getFigure().getValue()).isEqualTo(12e9);
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
