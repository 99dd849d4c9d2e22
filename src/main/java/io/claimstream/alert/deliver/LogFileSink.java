package io.claimstream.alert.deliver;

import io.claimstream.alert.AlertJson;
import io.claimstream.avro.Alert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Alerts appended to a file as JSON lines, each forced to disk before it counts as delivered. */
public final class LogFileSink implements AlertSink {
    private final Path file;

    public LogFileSink(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        byte[] line = (AlertJson.of(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) ch.write(b);
                ch.force(false);
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot append to the alert log " + file + ": " + e.getMessage(), false);
        }
    }
}
