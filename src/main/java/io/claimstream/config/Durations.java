package io.claimstream.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in properties as people write them: "60s", "500ms", "2m", "1h"; a bare number is seconds. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {}

    public static Duration get(Properties p, String key, Duration fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) return fallback;
        Matcher m = DURATION.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(key + "=" + v + ": expected a duration such as 60s, 500ms, 2m");
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        return Duration.ofMillis((long) millis);
    }
}
