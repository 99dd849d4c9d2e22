package io.claimstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `claimstream bench`, small, from the packaged jar: every part runs to its end and the summary accounts for
 * every article (the figures themselves are the README's business, not a test's).
 */
class BenchCommandIT {
    @Test
    void aSmallBenchRunsEveryPartAndAccountsForEveryArticle(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench.json");
        JarRunner.Result r = JarRunner.run(300, "bench", "--articles", "400", "--warmup-articles", "200",
                "--rate", "50", "--warmup-seconds", "1", "--latency-seconds", "2", "--replay-articles", "1500",
                "--data-dir", dir.resolve("data").toString(), "--out", out.toString());
        assertThat(r.exitCode()).as("exit code; stderr:\n%s", r.stderr()).isZero();

        JsonNode summary = new ObjectMapper().readTree(r.stdout());
        assertThat(new ObjectMapper().readTree(Files.readString(out))).isEqualTo(summary);

        assertThat(summary.at("/warmup/articles").asInt()).isEqualTo(200);
        assertThat(summary.at("/warmup/full/articles_per_s").asDouble()).isPositive();
        double pass = summary.at("/pass_through/articles_per_s").asDouble();
        double full = summary.at("/full/articles_per_s").asDouble();
        assertThat(pass).isPositive();
        assertThat(full).isPositive();
        assertThat(summary.at("/full_over_pass_through").asDouble()).isCloseTo(full / pass, org.assertj.core.data.Offset.offset(0.001));

        // where the CPU went: the stream threads did work, and the kinds add up to no more than the process used
        for (String part : new String[] {"/pass_through", "/full"}) {
            JsonNode threads = summary.at(part + "/thread_cpu_seconds");
            assertThat(threads.get("stream").asDouble()).as(part).isPositive();
            double sum = 0;
            for (JsonNode v : threads) sum += v.asDouble();
            assertThat(sum).as(part).isLessThanOrEqualTo(summary.at(part + "/process_cpu_seconds").asDouble() + 0.1 * threads.size());
        }
        // the extractor's own share of the full topology, and the claims it found (each article has figures)
        assertThat(summary.at("/full/extraction_ms_per_article").asDouble()).isPositive();
        assertThat(summary.at("/full/claims_per_article").asDouble()).isGreaterThan(1);

        // 50 articles/s for 1 + 2 s, each opening keys of its own: each must move a figure, and be measured
        JsonNode latency = summary.get("latency");
        assertThat(latency.get("articles_without_change").asInt()).isZero();
        assertThat(latency.get("measured_articles").asInt()).isEqualTo(100);
        assertThat(latency.get("p50_ms").asDouble()).isPositive()
                .isLessThanOrEqualTo(latency.get("p95_ms").asDouble());
        assertThat(latency.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(latency.get("p95_ms").asDouble())
                .isLessThanOrEqualTo(latency.get("max_ms").asDouble());

        JsonNode replay = summary.get("replay");
        assertThat(replay.get("completed").asBoolean()).isTrue();
        assertThat(replay.get("processed_articles").asLong()).isEqualTo(1500);
        assertThat(replay.get("state_store_bytes").asLong()).isPositive();
        assertThat(replay.at("/child_jvm/max_heap_after_gc_bytes").asLong()).isPositive()
                .isLessThanOrEqualTo(replay.at("/child_jvm/max_heap_bytes").asLong());
    }
}
