package io.claimstream.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to ingest and how often, from the flat configuration ({@code ingest.*}); the command line adds to it.
 *
 * @param feeds        RSS or Atom feed URLs
 * @param pollInterval time between two polls of a feed
 * @param watchDir     directory whose new and changed article files are published; null for none
 * @param fetchPages   fetch each feed item's page for its full text (else the feed's own summary or content)
 * @param stateDir     where the seen-set and unsent articles are kept across runs
 */
public record IngestConfig(List<URI> feeds, Duration pollInterval, Path watchDir, boolean fetchPages, Path stateDir,
                           FetchLimits limits) {
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?");

    public static IngestConfig fromProperties(Properties p) {
        List<URI> feeds = new ArrayList<>();
        for (String f : p.getProperty("ingest.feeds", "").split("[,\\s]+")) {
            if (!f.isBlank()) feeds.add(feedUri(f));
        }
        String watch = p.getProperty("ingest.watch.dir", "").strip();
        return new IngestConfig(feeds,
                duration(p, "ingest.poll.interval", Duration.ofSeconds(60)),
                watch.isEmpty() ? null : Path.of(watch),
                Boolean.parseBoolean(p.getProperty("ingest.fetch.pages", "true").strip()),
                Path.of(p.getProperty("ingest.state.dir", "data/ingest").strip()),
                FetchLimits.fromProperties(p));
    }

    public IngestConfig withFeeds(List<URI> more) {
        List<URI> all = new ArrayList<>(feeds);
        more.stream().filter(u -> !all.contains(u)).forEach(all::add);
        return new IngestConfig(List.copyOf(all), pollInterval, watchDir, fetchPages, stateDir, limits);
    }

    public IngestConfig withWatchDir(Path dir) {
        return new IngestConfig(feeds, pollInterval, dir, fetchPages, stateDir, limits);
    }

    public IngestConfig withStateDir(Path dir) {
        return new IngestConfig(feeds, pollInterval, watchDir, fetchPages, dir, limits);
    }

    public IngestConfig withPollInterval(Duration interval) {
        return new IngestConfig(feeds, interval, watchDir, fetchPages, stateDir, limits);
    }

    /** An absolute http(s) URL, or an error that names the bad value. */
    public static URI feedUri(String s) {
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return u;
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not an http(s) feed URL: " + s);
    }

    static Duration duration(Properties p, String key, Duration fallback) {
        return io.claimstream.config.Durations.get(p, key, fallback);
    }

    /** "5MB", "512KB", "1048576". */
    static long bytes(Properties p, String key, long fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) return fallback;
        Matcher m = BYTES.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(key + "=" + v + ": expected a size such as 5MB, 512KB");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb", "k" -> n * 1024;
            case "mb", "m" -> n * 1024 * 1024;
            case "gb", "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
