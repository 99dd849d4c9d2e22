package io.claimstream.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.claimstream.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput, latency and memory on the embedded broker, in one run: a pass-through topology",
                "(the ceiling), the full topology over the same generated articles, publish-to-change latency at a",
                "steady rate, and a replay of --replay-articles articles in a child JVM with a capped heap.",
                "Prints one JSON summary and writes it to target/bench.json."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "30000", paramLabel = "N",
            description = "Articles for the pass-through and full-topology runs (default: ${DEFAULT-VALUE}; 0 skips parts 1-3).")
    int articles;

    @Option(names = "--warmup-articles", defaultValue = "30000", paramLabel = "N",
            description = {"Other articles each topology processes, unmeasured, before its measured run, so that the",
                    "rates compare running applications rather than the JIT compiling them (default: ${DEFAULT-VALUE}; 0 none)."})
    int warmupArticles;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "100", paramLabel = "PER_S",
            description = "Articles per second in the latency run (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "30", paramLabel = "S",
            description = "Measured seconds of the latency run, after --warmup-seconds (default: ${DEFAULT-VALUE}; 0 skips it).")
    int latencySeconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", paramLabel = "S", description = "Unmeasured start of the latency run (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--replay-articles", defaultValue = "1000000", paramLabel = "N",
            description = "Articles replayed by the full topology in a child JVM (default: ${DEFAULT-VALUE}; 0 skips it).")
    long replayArticles;

    @Option(names = "--replay-heap", defaultValue = "512m", description = "-Xmx of the replay JVM (default: ${DEFAULT-VALUE}).")
    String replayHeap;

    @Option(names = "--replay-max-seconds", defaultValue = "900", paramLabel = "S",
            description = "Stop the replay after this long and report what was processed, at the rate so far (default: ${DEFAULT-VALUE}).")
    int replayMaxSeconds;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker and state data (default: a temporary directory, removed afterwards).")
    Path dataDir;

    @Option(names = "--out", defaultValue = "target/bench.json", description = "Where the summary goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "A Streams or claimstream property for every application the bench starts (e.g. -Dcommit.interval.ms=200).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("claimstream-bench") : dataDir;
        try {
            Map<String, Object> summary = new Bench(new Bench.Options(articles, warmupArticles, seed, rate, latencySeconds, warmupSeconds,
                    replayArticles, replayHeap, replayMaxSeconds, dir, overrides, m -> System.err.println("bench: " + m))).run();
            String json = Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary);
            System.out.println(json);
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            Files.writeString(out, json + "\n");
            return 0;
        } finally {
            if (temporary) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
