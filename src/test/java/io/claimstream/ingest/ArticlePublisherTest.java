package io.claimstream.ingest;

import io.claimstream.avro.Article;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ArticlePublisherTest {
    @Test
    void aRecordIsStampedWithThePublishedTimeButNeverInTheFuture() {
        Instant past = Instant.parse("2025-06-10T00:00:00Z");
        Article dated = Article.newBuilder().setId("a").setText("t").setPublished(past).build();
        assertThat(ArticlePublisher.recordTimestamp(dated, Instant.EPOCH)).isEqualTo(past.toEpochMilli());

        Article undated = Article.newBuilder().setId("b").setText("t").build();
        assertThat(ArticlePublisher.recordTimestamp(undated, past.plusSeconds(5))).isEqualTo(past.plusSeconds(5).toEpochMilli());

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        Article future = Article.newBuilder().setId("c").setText("t").setPublished(tomorrow).build();
        assertThat(ArticlePublisher.recordTimestamp(future, Instant.EPOCH)).isLessThanOrEqualTo(System.currentTimeMillis());
    }
}
