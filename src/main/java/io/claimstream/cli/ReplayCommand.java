package io.claimstream.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.Standing;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.replay.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reprocess the whole articles topic under a fresh application id (live topics untouched) and print",
                "the consensus table as of --until and the changes up to it."})
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--until", paramLabel = "TIME", description = "Event time: ISO-8601 date or date-time, or epoch milliseconds (default: everything).")
    String until;

    @Option(names = "--json", description = "Print one JSON object: {\"until\", \"consensus\": [...], \"changes\": [...]}.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600")
    int timeoutSeconds;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        long t = until == null ? Long.MAX_VALUE : parseTime(until);
        Replay.Result result = Replay.run(cfg, Duration.ofSeconds(timeoutSeconds), new LagReporter("replay"));
        ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.fromProperties(cfg));
        List<ConsensusChange> changes = result.changes().stream().filter(c -> c.getEventTime().toEpochMilli() <= t).toList();

        if (json) {
            ObjectNode out = Json.object();
            if (until == null) out.putNull("until");
            else out.put("until", Instant.ofEpochMilli(t).toString());
            ArrayNode table = out.putArray("consensus");
            forEachStanding(result, engine, t, (key, unit, s) -> table.add(Json.standing(key, unit, s)));
            ArrayNode list = out.putArray("changes");
            for (ConsensusChange c : changes) list.add(Json.MAPPER.readTree(ChangeOutput.json(c)));
            System.out.println(Json.write(out));
        } else {
            System.out.println("Consensus as of " + (until == null ? "now" : Instant.ofEpochMilli(t)) + ":");
            forEachStanding(result, engine, t, (key, unit, s) -> System.out.printf("  %-45s %-22s %d source%s%n",
                    key, ChangeOutput.describe(s.figure(), unit), s.sources(), s.sources() == 1 ? "" : "s"));
            System.out.println();
            System.out.println("Changes up to then (" + changes.size() + "):");
            for (ConsensusChange c : changes) System.out.println(ChangeOutput.text(c));
        }
        return 0;
    }

    interface StandingSink {
        void accept(String key, String unit, Standing standing);
    }

    /** Each key's standing as of t: a pure function of the claims with event time up to t. */
    static void forEachStanding(Replay.Result result, ConsensusEngine engine, long t, StandingSink sink) {
        for (Map.Entry<String, Consensus> e : result.table().entrySet()) {
            Standing s = engine.standingAt(result.histories().get(e.getKey()), t);
            if (s.figure() != null) sink.accept(e.getKey(), e.getValue().getUnit(), s);
        }
    }

    static long parseTime(String s) {
        if (s.chars().allMatch(Character::isDigit)) return Long.parseLong(s);
        return ArticleFiles.parseTime(s).toEpochMilli();
    }
}
