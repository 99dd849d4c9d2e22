package io.claimstream.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void helpListsEveryCommand() {
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).execute("--help");
        assertThat(code).isZero();
        var commands = Main.commandLine().getSubcommands().keySet();
        assertThat(commands).contains("demo", "run", "extract", "quantities");
        for (String command : commands) assertThat(out.toString()).contains(command);
    }

    @Test
    void runWithoutABrokerSaysWhatToSet() {
        StringWriter err = new StringWriter();
        var saved = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            int code = Main.commandLine().setErr(new PrintWriter(err)).execute("run", "-Dbootstrap.servers=", "-Dschema.registry.url=");
            assertThat(code).isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString()).contains("bootstrap.servers").contains("--embedded");
    }
}
