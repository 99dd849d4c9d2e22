package io.claimstream.alert.deliver;

import io.claimstream.config.Durations;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The sinks the configuration names ({@code alerts.*}). */
public final class AlertSinks {
    private AlertSinks() {}

    public static List<AlertSink> fromProperties(Properties p, PrintStream console) {
        List<AlertSink> sinks = new ArrayList<>();
        if (Boolean.parseBoolean(p.getProperty("alerts.console", "true").strip())) sinks.add(new ConsoleSink(console));
        String log = p.getProperty("alerts.log.file", "").strip();
        if (!log.isEmpty()) sinks.add(new LogFileSink(Path.of(log)));
        String url = p.getProperty("alerts.webhook.url", "").strip();
        if (!url.isEmpty()) {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("alerts.webhook.url must be an http(s) URL");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String prefix = "alerts.webhook.header.";
            for (String k : p.stringPropertyNames()) if (k.startsWith(prefix)) headers.put(k.substring(prefix.length()), p.getProperty(k));
            sinks.add(new WebhookSink(uri, headers,
                    Integer.parseInt(p.getProperty("alerts.webhook.attempts", "5").strip()),
                    Durations.get(p, "alerts.webhook.backoff", Duration.ofMillis(500)),
                    Durations.get(p, "alerts.webhook.max.backoff", Duration.ofSeconds(30)),
                    Durations.get(p, "alerts.webhook.timeout", Duration.ofSeconds(10)),
                    d -> Thread.sleep(d.toMillis())));
        }
        return sinks;
    }

    public static Path stateDir(Properties p, Path fallback) {
        String dir = p.getProperty("alerts.state.dir", "").strip();
        return dir.isEmpty() ? fallback : Path.of(dir);
    }
}
