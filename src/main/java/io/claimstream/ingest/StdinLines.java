package io.claimstream.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Articles as JSON lines on a stream (standard input): one object a line, a bad line reported by number and skipped. */
public final class StdinLines {
    /** Longer lines are refused rather than published as one enormous article. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private StdinLines() {}

    /** Reads to the end of the stream; returns the number of lines read. */
    public static long read(InputStream in, IngestSink sink, Clock clock) throws IOException {
        return read(in, sink, clock, line -> {});
    }

    /** @param rejected each line that could not become an article, as it was, so that it can be fixed and sent again */
    public static long read(InputStream in, IngestSink sink, Clock clock, java.util.function.Consumer<String> rejected) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long n = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            if (line.length() > MAX_LINE) {
                sink.skip("bad input", "stdin line " + n + ": longer than " + MAX_LINE + " characters");
                rejected.accept(line);
                continue;
            }
            try {
                sink.offer(ArticleJson.parse(line, clock.instant()), "stdin line " + n);
            } catch (IOException | RuntimeException e) {
                sink.skip("bad input", "stdin line " + n + ": " + firstLine(e.getMessage()));
                rejected.accept(line);
            }
        }
        return n;
    }

    private static String firstLine(String m) {
        return m == null ? "unreadable" : m.strip().split("\\R", 2)[0];
    }
}
