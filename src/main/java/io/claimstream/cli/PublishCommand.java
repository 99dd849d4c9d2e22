package io.claimstream.cli;

import io.claimstream.avro.Article;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.ingest.ArticlePublisher;
import io.claimstream.stream.Topics;
import io.claimstream.stream.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish article files (.txt, .json, .html) to the articles topic, in the order given.",
                "Default target: the broker and registry of `run --embedded` on this machine."})
final class PublishCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        List<Article> articles = ArticleFiles.readAll(files);
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ArticlePublisher publisher = new ArticlePublisher(cfg, new Topics(StreamsSettings.serdeConfig(cfg)))) {
            for (int i = 0; i < articles.size(); i++) {
                var meta = publisher.publishAndWait(articles.get(i), base.plusSeconds(i));
                System.err.printf("claimstream: published %s to %s-%d@%d%n", articles.get(i).getId(), meta.topic(), meta.partition(), meta.offset());
            }
        }
        return 0;
    }
}
