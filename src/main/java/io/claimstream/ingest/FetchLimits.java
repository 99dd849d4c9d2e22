package io.claimstream.ingest;

import java.time.Duration;
import java.util.Properties;

/**
 * Bounds on every fetch, so that one hostile or broken server can cost at most this much and never stall the
 * others.
 *
 * @param connectTimeout time to open the connection
 * @param totalTimeout   time for the whole response, headers and body; a server trickling bytes is cut off here
 * @param maxBytes       bytes of body read at most; the body is streamed and abandoned past this
 * @param maxRedirects   redirects followed at most
 */
public record FetchLimits(Duration connectTimeout, Duration totalTimeout, long maxBytes, int maxRedirects) {
    public static final FetchLimits DEFAULT = new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(20), 5L * 1024 * 1024, 5);

    public static FetchLimits fromProperties(Properties p) {
        return new FetchLimits(
                IngestConfig.duration(p, "ingest.fetch.connect.timeout", DEFAULT.connectTimeout),
                IngestConfig.duration(p, "ingest.fetch.timeout", DEFAULT.totalTimeout),
                IngestConfig.bytes(p, "ingest.fetch.max.bytes", DEFAULT.maxBytes),
                Integer.parseInt(p.getProperty("ingest.fetch.max.redirects", String.valueOf(DEFAULT.maxRedirects)).strip()));
    }
}
