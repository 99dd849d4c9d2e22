package io.claimstream.cli;

import io.claimstream.serde.SchemaRegistryClients;
import io.claimstream.stream.ApplicationReset;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Reset the application so that its next run reprocesses the whole articles topic (after an extractor upgrade, say).",
                "Deletes its consumer group, internal topics and their registry subjects, this machine's local state, and the records of its outputs",
                "(consensus-changes and the other outputs truncated, the consensus table emptied by tombstones). Keeps articles.",
                "Every instance must be stopped. Without --yes it only prints what it would do.",
                "Exit code 0 when done (or planned), 2 when an instance is still running."})
final class ResetCommand implements Callable<Integer> {
    @Option(names = "--yes", description = "Carry the reset out; without it, only print the plan.")
    boolean yes;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for stopped instances to leave the group (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        ApplicationReset reset = new ApplicationReset(cfg, new Topics(StreamsSettings.serdeConfig(cfg)),
                SchemaRegistryClients.forConfig(StreamsSettings.serdeConfig(cfg)));
        ApplicationReset.Plan plan;
        try {
            plan = reset.plan(Duration.ofSeconds(waitSeconds));
        } catch (IllegalStateException e) {
            System.err.println("claimstream: " + e.getMessage());
            return 2;
        }
        System.out.println((yes ? "resetting " : "a reset would remove, for ") + "application " + plan.applicationId() + ":");
        plan.describe().forEach(line -> System.out.println("  " + line));
        if (!yes) {
            System.out.println("nothing changed: add --yes to reset");
            return 0;
        }
        try {
            reset.execute(plan);
        } catch (IllegalStateException e) {
            System.err.println("claimstream: " + e.getMessage());
            return 2;
        }
        System.out.println("reset: the next run reprocesses the articles topic from its start");
        return 0;
    }
}
