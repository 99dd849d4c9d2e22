package io.claimstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/claimstream.jar COMMAND}: one class per command. */
@Command(name = "claimstream",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Cross-source consensus of reported deal figures, kept by Kafka Streams.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                ExtractCommand.class,
                QuantitiesCommand.class,
                PublishCommand.class,
                ReplayCommand.class,
                AuditCommand.class,
                VerifyCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"claimstream " + (v == null ? "(development)" : v)
                    + ", extractor " + io.claimstream.extract.ClaimExtractor.VERSION};
        }
    }
}
