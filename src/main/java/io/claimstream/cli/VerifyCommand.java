package io.claimstream.cli;

import io.claimstream.avro.ConsensusChange;
import io.claimstream.replay.Replay;
import io.claimstream.replay.TopicReader;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Replay history and compare it with the consensus-changes topic, key by key; report every difference.",
                "Exit code 0 when they agree, 1 when they differ."})
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600")
    int timeoutSeconds;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        Topics topics = new Topics(StreamsSettings.serdeConfig(cfg));
        List<ConsensusChange> live = new ArrayList<>();
        for (var r : TopicReader.readAll(cfg, topics.changes().name(), new StringDeserializer(),
                topics.changes().valueSerde().deserializer(), Duration.ofSeconds(timeoutSeconds))) {
            live.add(r.value());
        }
        Replay.Result replay = Replay.run(cfg, Duration.ofSeconds(timeoutSeconds), new LagReporter("verify"));
        List<String> differences = differences(live, replay.changes());
        if (differences.isEmpty()) {
            System.out.printf("verified: %d changes on %s match a replay of history%n", live.size(), topics.changes().name());
            return 0;
        }
        System.out.println(differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                + " between " + topics.changes().name() + " and a replay of history:");
        differences.forEach(d -> System.out.println("  " + d));
        return 1;
    }

    /** Per key, the live changes must be the replayed ones, in the same order (keys are independent). */
    static List<String> differences(List<ConsensusChange> live, List<ConsensusChange> replayed) {
        Map<String, List<String>> a = byKey(live), b = byKey(replayed);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        List<String> out = new ArrayList<>();
        for (String key : keys.keySet()) {
            List<String> x = a.getOrDefault(key, List.of()), y = b.getOrDefault(key, List.of());
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                String l = i < x.size() ? x.get(i) : null, r = i < y.size() ? y.get(i) : null;
                if (l == null) out.add(key + " #" + (i + 1) + ": missing from the topic; replay says " + r);
                else if (r == null) out.add(key + " #" + (i + 1) + ": on the topic but not in replay: " + l);
                else if (!l.equals(r)) out.add(key + " #" + (i + 1) + ": topic says " + l + "; replay says " + r);
            }
        }
        return out;
    }

    private static Map<String, List<String>> byKey(List<ConsensusChange> changes) {
        Map<String, List<String>> m = new TreeMap<>();
        for (ConsensusChange c : changes) m.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(ChangeOutput.json(c));
        return m;
    }
}
