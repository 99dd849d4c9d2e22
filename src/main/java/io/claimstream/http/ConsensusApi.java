package io.claimstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Consensus;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.consensus.KeyHistory;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * {@code /api/consensus...}: answered from the consensus store by interactive queries. A key held by another
 * instance is fetched from it (proxied, so a browser needs no second origin); the list gathers every instance's
 * part. A forwarded request carries {@link #FORWARDED} and is answered locally only, so instances whose metadata
 * disagree during a rebalance cannot bounce a request between them.
 */
final class ConsensusApi {
    private static final Logger log = LoggerFactory.getLogger(ConsensusApi.class);
    static final String FORWARDED = "X-Claimstream-Forwarded";
    private static final String LOCAL_ONLY = "local";

    private final ConsensusQueries queries;
    private final ConsensusEngine engine;
    private final Optional<BasicAuth> auth;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param auth the credentials this instance requires, and so sends to the others it forwards to */
    ConsensusApi(ConsensusQueries queries, ConsensusEngine engine, Optional<BasicAuth> auth) {
        this.queries = queries;
        this.engine = engine;
        this.auth = auth;
    }

    /** GET /api/consensus[?subject=..&attribute=..]: every key of every instance, sorted by key. */
    void list(Context ctx) {
        String subject = ctx.queryParam("subject");
        String attribute = ctx.queryParam("attribute");
        Predicate<Consensus> filter = c -> (subject == null || subject.equals(c.getSubject()))
                && (attribute == null || attribute.equals(c.getAttribute()));
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (Consensus c : queries.all(filter)) byKey.put(c.getKey(), ConsensusJson.summary(c));
        List<String> unreachable = new ArrayList<>();
        if (ctx.header(FORWARDED) == null && ctx.queryParam(LOCAL_ONLY) == null) {
            for (HostInfo other : queries.others()) {
                String query = "?" + LOCAL_ONLY + "=true"
                        + (subject == null ? "" : "&subject=" + encode(subject))
                        + (attribute == null ? "" : "&attribute=" + encode(attribute));
                Optional<Remote> answer = fetch(other, "/api/consensus" + query);
                if (answer.isEmpty() || answer.get().status() != 200) {
                    unreachable.add(other.host() + ":" + other.port());
                    continue;
                }
                for (JsonNode key : read(answer.get().body()).path("consensus")) {
                    byKey.putIfAbsent(key.path("key").asText(), (ObjectNode) key);
                }
            }
        }
        List<ObjectNode> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing(o -> o.path("key").asText()));
        json(ctx, HttpStatus.OK, ConsensusJson.list(sorted, unreachable));
    }

    /** GET /api/consensus/{key}: figure, interval, sources and their claims. */
    void key(Context ctx) {
        one(ctx, "", (c, history) -> ConsensusJson.detail(c, history, engine));
    }

    /** GET /api/consensus/{key}/history: the audit timeline. */
    void history(Context ctx) {
        one(ctx, "/history", (c, history) -> ConsensusJson.history(c, history, engine));
    }

    private void one(Context ctx, String suffix, BiFunction<Consensus, KeyHistory, ObjectNode> render) {
        String key = ctx.pathParam("key");
        ConsensusQueries.Location where = queries.locate(key);
        if (where instanceof ConsensusQueries.Location.Here here) {
            Optional<Consensus> c = queries.get(key, here.partition());
            if (c.isPresent()) json(ctx, HttpStatus.OK, render.apply(c.get(), queries.history(key, here.partition())));
            else json(ctx, HttpStatus.NOT_FOUND, ConsensusJson.error("no consensus for key " + key));
        } else if (where instanceof ConsensusQueries.Location.Elsewhere elsewhere) {
            if (ctx.header(FORWARDED) != null) {
                throw new ConsensusQueries.NotReady("key " + key + " is moving between instances", null);
            }
            Remote answer = fetch(elsewhere.host(), "/api/consensus/" + encode(key) + suffix)
                    .orElseThrow(() -> new ConsensusQueries.NotReady("instance " + elsewhere.host() + " holding " + key + " did not answer", null));
            ctx.status(answer.status()).contentType("application/json").result(answer.body());
        } else {
            throw new ConsensusQueries.NotReady("no instance holds key " + key + " right now (starting or rebalancing)", null);
        }
    }

    private record Remote(int status, String body) {}

    private Optional<Remote> fetch(HostInfo host, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .header(FORWARDED, queries.self().host() + ":" + queries.self().port())
                .timeout(Duration.ofSeconds(10)).GET();
        auth.ifPresent(a -> request.header("Authorization", a.authorization()));
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Remote(r.statusCode(), r.body()));
        } catch (IOException e) {
            log.warn("instance {}:{} did not answer {}: {}", host.host(), host.port(), pathAndQuery, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Percent-encodes a path segment or query value ({@code >} and {@code :} of claim keys included). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode read(String body) {
        try {
            return ConsensusJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance", e);
        }
    }

    static void json(Context ctx, HttpStatus status, Object body) {
        ctx.status(status).contentType("application/json").result(ConsensusJson.write(body));
    }
}
