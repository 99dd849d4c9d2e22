package io.claimstream.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What ingest, alerts and run say about bad settings, before touching any broker. */
class IngestCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void captureStderr() {
        saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(saved);
    }

    private int run(String... args) {
        return Main.commandLine().setErr(new PrintWriter(new StringWriter())).execute(args);
    }

    @Test
    void ingestWithNothingToIngestSaysWhatToGive() {
        assertThat(run("ingest")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to ingest").contains("--feed URL");
    }

    @Test
    void aFeedThatIsNotHttpIsRefusedByName() {
        assertThat(run("ingest", "--feed", "file:///etc/passwd")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not an http(s) feed URL: file:///etc/passwd");
    }

    @Test
    void aMissingWatchDirectoryIsNamed() {
        assertThat(run("ingest", "--watch", "/nonexistent/inbox")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("watch directory /nonexistent/inbox does not exist");
    }

    @Test
    void runReportsABadWatchlistInOneLine() {
        assertThat(run("run", "-Dbootstrap.servers=localhost:1", "-Dschema.registry.url=http://localhost:1", "-Dalerts.watch=*:deal_value lots"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("alerts.watch line 1: 'lots' is not a shift");
    }

    @Test
    void alertsWithoutASinkSaysSo() {
        assertThat(run("alerts", "--no-console")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no sink");
    }
}
