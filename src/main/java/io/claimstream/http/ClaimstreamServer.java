package io.claimstream.http;

import io.claimstream.consensus.ConsensusConfig;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Properties;

/**
 * The application with its HTTP face: the query API, the change stream, health, metrics and the dashboard, served
 * by Javalin next to the Kafka Streams instance they describe.
 *
 * <p>The server starts first, because Streams must be told this instance's address ({@code application.server})
 * before it is created, and with {@code http.port=0} that address is only known once the port is bound. Until
 * Streams is attached every route but the static pages answers 503.
 */
public final class ClaimstreamServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClaimstreamServer.class);
    /** Scripts, styles and connections only from this server; article text can never become code. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private record Backend(ConsensusApi api, ChangeFeed feed, Health health, Metrics metrics) {}

    private final Javalin javalin;
    private final Properties config;
    private final ClaimstreamApp app;
    private volatile Backend backend;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ClaimstreamServer(Properties given) {
        HttpSettings http = HttpSettings.from(given);
        Optional<BasicAuth> auth = BasicAuth.from(given);
        if (auth.isEmpty() && !http.isLoopback()) {
            log.warn("http.host {} is reachable from other machines and {} is not set: anyone who can reach port {} "
                    + "can read the API and the dashboard", http.host(), BasicAuth.USER_INFO, http.port());
        }
        javalin = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
        });
        routes(javalin, auth);
        javalin.start(http.host(), http.port());
        Metrics metrics = new Metrics();
        ClaimstreamApp created = null;
        try {
            config = new Properties();
            config.putAll(given);
            config.setProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, http.advertised(given, javalin.port()));
            Topics topics = new Topics(StreamsSettings.serdeConfig(config));
            created = new ClaimstreamApp(config, topics, metrics);
            metrics.bind(created.streams());
            HostInfo self = HostInfo.buildFromEndpoint(config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
            ConsensusEngine engine = new ConsensusEngine(ConsensusConfig.fromProperties(config));
            created.start();
            backend = new Backend(new ConsensusApi(new ConsensusQueries(created.streams(), self), engine, auth),
                    new ChangeFeed(config, topics).start(), new Health(created.streams(), config), metrics);
            app = created;
        } catch (RuntimeException e) {
            // e.g. the broker cannot be reached to create the topics: release what was started, port included
            javalin.stop();
            if (created != null) created.close();
            metrics.close();
            throw e;
        }
    }

    /** Starts the HTTP server, then the application (creating its topics), then the change feed. */
    public static ClaimstreamServer start(Properties config) {
        return new ClaimstreamServer(config);
    }

    private void routes(Javalin j, Optional<BasicAuth> auth) {
        j.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            if (auth.isPresent() && !BasicAuth.isOpen(ctx.path()) && !auth.get().accepts(ctx)) {
                ctx.header("WWW-Authenticate", BasicAuth.REALM_HEADER);
                throw new UnauthorizedResponse();
            }
        });
        j.get("/api/consensus", with(b -> b.api()::list));
        j.get("/api/consensus/{key}", with(b -> b.api()::key));
        j.get("/api/consensus/{key}/history", with(b -> b.api()::history));
        j.sse("/api/changes/stream", client -> {
            Backend b = backend;
            if (b == null) {
                client.close();
                return;
            }
            client.keepAlive();
            b.feed().add(client, client.ctx().header("Last-Event-ID"));
        });
        j.get("/health", with(b -> ctx -> health(ctx, b.health().status(), Health.Status::ready)));
        j.get("/health/live", with(b -> ctx -> health(ctx, b.health().status(), Health.Status::live)));
        j.get("/health/ready", with(b -> ctx -> health(ctx, b.health().status(), Health.Status::ready)));
        j.get("/metrics", with(b -> ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(b.metrics().scrape())));
        j.exception(ConsensusQueries.NotReady.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            ConsensusApi.json(ctx, HttpStatus.SERVICE_UNAVAILABLE, ConsensusJson.error(e.getMessage()));
        });
    }

    /** One status per request, so the body and the code never disagree. */
    private static void health(Context ctx, Health.Status status, java.util.function.Predicate<Health.Status> ok) {
        ConsensusApi.json(ctx, ok.test(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, status.json());
    }

    private Handler with(java.util.function.Function<Backend, Handler> route) {
        return ctx -> {
            Backend b = backend;
            if (b == null) throw new ConsensusQueries.NotReady("starting", null);
            route.apply(b).handle(ctx);
        };
    }

    public ClaimstreamApp app() {
        return app;
    }

    /** The configuration the application runs with, {@code application.server} included. */
    public Properties config() {
        return config;
    }

    public int port() {
        return javalin.port();
    }

    /** Where a browser on this machine finds the dashboard. */
    public String url() {
        String host = HttpSettings.from(config).host();
        if (host.equals("0.0.0.0") || host.equals("::")) host = "localhost";
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return; // a shutdown hook and try-with-resources may both close
        Backend b = backend;
        try {
            if (b != null) b.feed().close();
            javalin.stop();
        } finally {
            app.close();
            if (b != null) {
                b.health().close();
                b.metrics().close();
            }
        }
    }
}
