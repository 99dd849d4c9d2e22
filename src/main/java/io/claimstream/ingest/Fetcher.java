package io.claimstream.ingest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * HTTP GET with the limits of {@link FetchLimits}, conditional requests, and a Content-Type check made on the
 * headers, before any of the body is read. Redirects are followed here, not by the client, so that they are
 * counted and never leave http(s).
 */
public final class Fetcher {
    /** What a server said last time, sent back so that an unchanged resource costs a 304 and nothing else. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    /**
     * A 200 with its body, or a 304 ({@code body == null}, {@link #notModified()}).
     *
     * @param contentType the media type, lower case, without parameters
     * @param charset     the charset the Content-Type header names, or null
     */
    public record Response(URI url, int status, String contentType, String charset, byte[] body, Validators validators, String location) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpClient client;
    private final FetchLimits limits;
    private final String userAgent;

    public Fetcher(FetchLimits limits) {
        this.limits = limits;
        this.userAgent = "claimstream/1 (+https://github.com/claimstream)";
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param acceptedType true for the media types (lower case, no parameters) this caller can read
     * @param accept       the Accept header to send
     */
    public Response get(URI url, Validators validators, Predicate<String> acceptedType, String accept) throws FetchException {
        URI current = url;
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        for (int redirects = 0; ; redirects++) {
            Response r = once(current, validators, acceptedType, accept, deadline);
            if (r.status() < 300 || r.status() == 304) return r;
            // A redirect: once() only returns 3xx with a Location.
            URI next;
            try {
                next = current.resolve(r.location().strip());
            } catch (IllegalArgumentException e) {
                throw new FetchException(url + ": redirected to an unusable location " + r.location());
            }
            if (redirects >= limits.maxRedirects()) {
                throw new FetchException(url + ": more than " + limits.maxRedirects() + " redirects (last to " + next + ")");
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(url + ": redirected to " + next + ", which is not http(s)");
            }
            current = next;
        }
    }

    private Response once(URI url, Validators validators, Predicate<String> acceptedType, String accept, long deadline)
            throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) throw new FetchException(url + ": no complete response within " + seconds());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(java.time.Duration.ofNanos(remaining))
                .header("User-Agent", userAgent)
                .header("Accept", accept);
        if (validators.etag() != null) request.header("If-None-Match", validators.etag());
        if (validators.lastModified() != null) request.header("If-Modified-Since", validators.lastModified());
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(request.build(), info -> handle(url, info, acceptedType));
        } catch (IllegalArgumentException e) {
            throw new FetchException(url + ": not a URL this client can fetch (" + e.getMessage() + ")");
        }
        HttpResponse<byte[]> response;
        try {
            response = future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(url + ": no complete response within " + seconds() + " (slow or stalled server)");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(url + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fe) throw fe;
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchException(url + ": no complete response within " + seconds() + " (slow or stalled server)", cause);
            }
            if (cause != null && cause.getCause() instanceof FetchException fe) throw fe;
            throw new FetchException(url + ": " + describe(cause), cause);
        }
        int status = response.statusCode();
        HttpHeaders h = response.headers();
        if (status >= 300 && status < 400 && status != 304) {
            return new Response(url, status, null, null, null, validators, h.firstValue("Location").orElseThrow());
        }
        return new Response(url, status, mediaType(h), charset(h), response.body(),
                new Validators(h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null)), null);
    }

    private HttpResponse.BodySubscriber<byte[]> handle(URI url, HttpResponse.ResponseInfo info, Predicate<String> acceptedType) {
        int status = info.statusCode();
        if (status == 304) return HttpResponse.BodySubscribers.replacing(null);
        if (status >= 300 && status < 400) {
            if (info.headers().firstValue("Location").isEmpty()) return failed(url + ": HTTP " + status + " without a Location");
            return HttpResponse.BodySubscribers.replacing(null);
        }
        if (status != 200) return failed(url + ": HTTP " + status);
        String type = mediaType(info.headers());
        if (type == null || !acceptedType.test(type)) {
            return failed(url + ": refused Content-Type " + (type == null ? "(none)" : type));
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limits.maxBytes()) {
            return failed(url + ": body of " + declared + " bytes exceeds the limit of " + limits.maxBytes());
        }
        return new LimitedBody(url, limits.maxBytes());
    }

    private static String mediaType(HttpHeaders h) {
        return h.firstValue("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse(null);
    }

    private static String charset(HttpHeaders h) {
        String type = h.firstValue("Content-Type").orElse("");
        for (String param : type.split(";")) {
            String[] kv = param.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) return kv[1].strip().replace("\"", "");
        }
        return null;
    }

    private String seconds() {
        return limits.totalTimeout().toMillis() / 1000.0 + " s";
    }

    private static String describe(Throwable t) {
        if (t == null) return "failed";
        if (t instanceof java.net.ConnectException) return "cannot connect" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static HttpResponse.BodySubscriber<byte[]> failed(String message) {
        return new LimitedBody(new FetchException(message));
    }

    /** Collects the body up to a limit, cancelling the download as soon as it is exceeded. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final URI url;
        private final long max;
        private final FetchException refusal;
        private Flow.Subscription subscription;

        LimitedBody(URI url, long max) {
            this.url = url;
            this.max = max;
            this.refusal = null;
        }

        LimitedBody(FetchException refusal) {
            this.url = null;
            this.max = 0;
            this.refusal = refusal;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refusal != null) {
                s.cancel();
                result.completeExceptionally(refusal);
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) return;
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new FetchException(url + ": body exceeds the limit of " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
