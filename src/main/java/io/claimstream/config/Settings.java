package io.claimstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * claimstream's configuration, one flat set of properties: Kafka client and Streams properties
 * ({@code bootstrap.servers}, {@code processing.guarantee}, ...), Confluent serde properties
 * ({@code schema.registry.url}, {@code basic.auth.user.info}, ...) and claimstream's own ({@code consensus.*}).
 *
 * <p>Precedence, lowest first: built-in defaults &lt; properties file &lt; environment &lt; command line.
 * An environment variable {@code CLAIMSTREAM_SCHEMA_REGISTRY_URL} sets {@code schema.registry.url}: the prefix is
 * dropped, the rest lower-cased and underscores turned into dots.
 */
public final class Settings {
    public static final String ENV_PREFIX = "CLAIMSTREAM_";

    private Settings() {}

    public static Properties load(Properties defaults, Path file, Map<String, String> env, Map<String, String> commandLine)
            throws IOException {
        Properties p = new Properties();
        p.putAll(defaults);
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties fromFile = new Properties();
                fromFile.load(r);
                p.putAll(fromFile);
            }
        }
        p.putAll(fromEnvironment(env));
        p.putAll(commandLine);
        return p;
    }

    static Properties fromEnvironment(Map<String, String> env) {
        Properties p = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                p.setProperty(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return p;
    }

    /** Property names whose values must never be printed. */
    public static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("user.info") || n.contains("jaas")
                // Webhook URLs often carry their token in the path, and headers carry Authorization.
                || n.contains("webhook.url") || n.contains("webhook.header") || n.contains("token");
    }

    /** The properties with secrets masked, for logs and --help output. */
    public static Properties redacted(Properties p) {
        Properties out = new Properties();
        p.stringPropertyNames().forEach(k -> out.setProperty(k, isSecret(k) ? "[hidden]" : hideUserInfo(p.getProperty(k))));
        return out;
    }

    /** "http://user:pass@host:8081" (registry credentials with basic.auth.credentials.source=URL) → "http://[hidden]@host:8081". */
    public static String hideUserInfo(String value) {
        return value == null ? null : value.replaceAll("://[^/@,\\s]+@", "://[hidden]@");
    }
}
