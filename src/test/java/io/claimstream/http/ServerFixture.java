package io.claimstream.http;

import io.claimstream.avro.Article;
import io.claimstream.embedded.EmbeddedCluster;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** Servers and articles for the HTTP integration tests, on an embedded cluster. */
final class ServerFixture {
    static final String INVESTMENT = "meta>scale-ai:investment_amount";
    /** Event times of the seeds: fixed, so every run computes the same timeline. */
    static final Instant SEED_TIME = Instant.parse("2025-06-10T00:00:00Z");

    private ServerFixture() {}

    static Properties config(EmbeddedCluster cluster, String applicationId, Path stateDir) {
        Properties p = StreamsSettings.defaults();
        p.putAll(cluster.clientConfig());
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.setProperty(HttpSettings.PORT, "0");
        return p;
    }

    static ClaimstreamServer startAndAwaitRunning(Properties config) throws Exception {
        ClaimstreamServer server = ClaimstreamServer.start(config);
        server.app().awaitRunning(Duration.ofSeconds(90));
        return server;
    }

    static void publishSeeds(Properties config) throws Exception {
        List<Path> seeds = ArticleFiles.list(Path.of("seeds"));
        try (ArticlePublisher publisher = new ArticlePublisher(config, new Topics(StreamsSettings.serdeConfig(config)))) {
            for (int i = 0; i < seeds.size(); i++) publisher.publishAndWait(ArticleFiles.read(seeds.get(i)), SEED_TIME.plusSeconds(i));
        }
    }

    static void publish(Properties config, Article article, Instant time) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config, new Topics(StreamsSettings.serdeConfig(config)))) {
            publisher.publishAndWait(article, time);
        }
    }

    static Article article(String id, String source, String title, String text) {
        return Article.newBuilder().setId(id).setSource(source).setTitle(title).setText(text)
                .setUrl("https://" + source + "/" + id).build();
    }
}
