package io.claimstream.it;

import io.claimstream.avro.Article;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.IngestConfig;
import io.claimstream.ingest.KafkaIngest;
import io.claimstream.replay.TopicReader;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.TopicAdmin;
import io.claimstream.stream.Topics;
import io.claimstream.testing.Feeds;
import io.claimstream.testing.LocalHttpServer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest against the in-process broker: a feed published once across restarts of the ingest, and a broker outage
 * that loses nothing (the unsent article is saved on exit and sent by the next ingest).
 */
class IngestIT {
    @TempDir
    Path dir;

    private final List<String> status = new CopyOnWriteArrayList<>();

    private Properties config(EmbeddedCluster cluster) {
        Properties p = StreamsSettings.defaults();
        p.putAll(cluster.clientConfig());
        return p;
    }

    /** For the ingest that sees the broker stop: it should give up in seconds rather than the default two minutes. */
    private Properties impatient(Properties cfg) {
        Properties p = new Properties();
        p.putAll(cfg);
        p.setProperty("ingest.close.timeout", "3s");
        p.setProperty("max.block.ms", "3000");
        p.setProperty("delivery.timeout.ms", "3000");
        p.setProperty("request.timeout.ms", "1000");
        return p;
    }

    private List<Article> articles(Properties cfg) throws Exception {
        Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
        return TopicReader.readAll(cfg, Topics.ARTICLES, new StringDeserializer(), topics.articles().valueSerde().deserializer(),
                Duration.ofSeconds(30)).stream().map(r -> r.value()).toList();
    }

    @Test
    void aFeedIsPublishedOnceAcrossRestartsAndAnOutageLosesNothing() throws Exception {
        Path data = dir.resolve("cluster");
        IngestConfig ingestConfig;
        String firstId;
        try (LocalHttpServer http = new LocalHttpServer()) {
            http.serve("/deal-1", "text/html", Feeds.page("Acme to buy Widget", "Acme Corp. agreed to buy Widget Inc. for $2 billion."));
            http.serve("/feed", "application/rss+xml", Feeds.rss("Wire",
                    new Feeds.Item(http.uri("/deal-1") + "?utm_source=rss", "Acme to buy Widget", "Tue, 10 Jun 2025 05:00:00 GMT", null)));
            firstId = http.uri("/deal-1").toString();
            ingestConfig = new IngestConfig(List.of(http.uri("/feed")), Duration.ofSeconds(60), null, true, dir.resolve("ingest"),
                    io.claimstream.ingest.FetchLimits.DEFAULT);

            try (EmbeddedCluster cluster = EmbeddedCluster.start(data, 0, 0)) {
                Properties cfg = config(cluster);
                Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
                TopicAdmin.ensureTopics(cfg, topics, 1);
                for (int run = 0; run < 2; run++) {
                    try (KafkaIngest ingest = new KafkaIngest(cfg, topics, ingestConfig, status::add)) {
                        ingest.service().runOnce();
                        ingest.flush();
                    }
                }
                assertThat(articles(cfg)).extracting(Article::getId).containsExactly(http.uri("/deal-1").toString());
                assertThat(status).anySatisfy(s -> assertThat(s).contains("published 0, skipped 1 (already published 1)"));

                // The broker goes away while an article is on its way.
                KafkaIngest ingest = new KafkaIngest(impatient(cfg), topics, ingestConfig, status::add);
                cluster.close();
                ingest.readStdin(new java.io.ByteArrayInputStream(
                        "{\"url\": \"https://news.example/raise\", \"text\": \"Acme raised its offer for Widget Inc. to $2.4 billion.\"}\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                ingest.close();
                assertThat(ingest.sink().unsent()).extracting(Article::getId).containsExactly("https://news.example/raise");
                assertThat(status).anySatisfy(s -> assertThat(s).contains("not acknowledged by the broker").contains("https://news.example/raise"));
                assertThat(Files.readString(dir.resolve("ingest/unsent.jsonl"))).contains("$2.4 billion");
            }
        }

        // Back up: the next ingest sends what the last one could not, first.
        try (EmbeddedCluster cluster = EmbeddedCluster.start(data, 0, 0)) {
            Properties cfg = config(cluster);
            Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
            IngestConfig noFeeds = new IngestConfig(List.of(), ingestConfig.pollInterval(), null, true, ingestConfig.stateDir(), ingestConfig.limits());
            try (KafkaIngest ingest = new KafkaIngest(cfg, topics, noFeeds, status::add)) {
                ingest.flush();
            }
            assertThat(articles(cfg)).extracting(Article::getId).containsExactly(firstId, "https://news.example/raise");
            assertThat(Files.exists(dir.resolve("ingest/unsent.jsonl"))).isFalse();
        }
    }
}
