package io.claimstream.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The extractor is pure: no Kafka or Avro, no I/O except loading aliases. */
class PackageRulesTest {

    @Test
    void noKafkaAvroOrIoOutsideAliases() throws IOException {
        Path dir = Path.of("src/main/java/io/claimstream/extract");
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path p : sources) {
            String src = Files.readString(p);
            assertThat(src).as(p.toString()).doesNotContain("org.apache.kafka").doesNotContain("org.apache.avro");
            if (!p.getFileName().toString().equals("Aliases.java")) {
                assertThat(src).as(p.toString()).doesNotContain("java.io.").doesNotContain("java.nio.");
            }
        }
    }
}
