package io.claimstream.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileCommandLineOverridesAll() throws Exception {
        Properties defaults = new Properties();
        defaults.setProperty("a", "default");
        defaults.setProperty("b", "default");
        defaults.setProperty("c", "default");
        defaults.setProperty("d", "default");
        Path file = dir.resolve("claimstream.properties");
        Files.writeString(file, "b=file\nc=file\nd=file\n");

        Properties p = Settings.load(defaults, file, Map.of("CLAIMSTREAM_C", "env", "CLAIMSTREAM_D", "env"), Map.of("d", "cli"));

        assertThat(p.getProperty("a")).isEqualTo("default");
        assertThat(p.getProperty("b")).isEqualTo("file");
        assertThat(p.getProperty("c")).isEqualTo("env");
        assertThat(p.getProperty("d")).isEqualTo("cli");
    }

    @Test
    void environmentNamesMapToPropertyNames() {
        Properties p = Settings.fromEnvironment(Map.of(
                "CLAIMSTREAM_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "CLAIMSTREAM_BOOTSTRAP_SERVERS", "kafka:9092",
                "HOME", "/root",
                "CLAIMSTREAM_", "ignored"));
        assertThat(p).containsOnlyKeys("schema.registry.url", "bootstrap.servers");
        assertThat(p.getProperty("schema.registry.url")).isEqualTo("http://registry:8081");
    }

    @Test
    void secretsAreMaskedWhenPrinted() {
        Properties p = new Properties();
        p.setProperty("basic.auth.user.info", "alice:s3cret");
        p.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required password=\"s3cret\";");
        p.setProperty("ssl.truststore.password", "s3cret");
        p.setProperty("bootstrap.servers", "kafka:9092");

        Properties shown = Settings.redacted(p);

        assertThat(shown.toString()).doesNotContain("s3cret").contains("kafka:9092");
    }

    @Test
    void credentialsInARegistryUrlAreMaskedWhenPrinted() {
        Properties p = new Properties();
        p.setProperty("schema.registry.url", "https://alice:s3cret@registry-a:8081,http://bob:pw2@registry-b:8081/sr");
        p.setProperty("basic.auth.credentials.source", "URL");

        String shown = Settings.redacted(p).getProperty("schema.registry.url");

        assertThat(shown).isEqualTo("https://[hidden]@registry-a:8081,http://[hidden]@registry-b:8081/sr");
    }
}
