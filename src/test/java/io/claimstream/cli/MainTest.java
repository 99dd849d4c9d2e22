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

    @Test
    void aFailingCommandSaysWhyInOneLine() throws Exception {
        StringWriter err = new StringWriter();
        java.nio.file.Path missing = java.nio.file.Path.of("no-such-dir-" + System.nanoTime(), "a.txt");
        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("publish", missing.toString(), "-Dbootstrap.servers=localhost:1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("claimstream publish: ").contains("a.txt").doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void runEmbeddedRefusesABusyPortWithAClearMessage() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var saved = System.err;
            var captured = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(captured, true));
            int code;
            try {
                code = Main.commandLine().execute("run", "--embedded", "--kafka-port", Integer.toString(busy.getLocalPort()),
                        "--data-dir", java.nio.file.Files.createTempDirectory("busy").toString());
            } finally {
                System.setErr(saved);
            }
            assertThat(code).isEqualTo(2);
            assertThat(captured.toString()).contains("port " + busy.getLocalPort() + " is in use").contains("--kafka-port");
        }
    }
}
