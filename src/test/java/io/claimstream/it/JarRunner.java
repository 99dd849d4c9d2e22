package io.claimstream.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/claimstream.jar} as a user would: a separate JVM, its own classpath manifest. */
final class JarRunner {
    record Result(int exitCode, String stdout, String stderr) {}

    private JarRunner() {}

    static Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "claimstream.jar");
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: integration tests run after `package`");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("claimstream-out", ".txt");
        Path err = Files.createTempFile("claimstream-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("claimstream " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                    + " s; stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
