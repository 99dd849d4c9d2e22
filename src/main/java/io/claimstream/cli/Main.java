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
                IngestCommand.class,
                AlertsCommand.class,
                ReplayCommand.class,
                AuditCommand.class,
                VerifyCommand.class,
                ResetCommand.class,
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
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportFailure);
    }

    /**
     * A failed command says what went wrong in one line, not a stack trace; CLAIMSTREAM_DEBUG=1 shows the trace.
     */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cause != e && cause.getMessage() != null && !message.contains(cause.getMessage())) message += ": " + cause.getMessage();
        command.getErr().println("claimstream " + command.getCommandName() + ": " + message);
        if ("1".equals(System.getenv("CLAIMSTREAM_DEBUG"))) e.printStackTrace(command.getErr());
        command.getErr().flush();
        return 1;
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
