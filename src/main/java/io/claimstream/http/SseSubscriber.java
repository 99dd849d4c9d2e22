package io.claimstream.http;

import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client of the change stream, with its own queue and sending thread: a browser that stops reading fills only
 * its own queue, and is dropped when that is full (it reconnects with its Last-Event-ID and resumes), instead of
 * holding up the feed for everyone. A comment line after each quiet {@code heartbeat} keeps idle connections open
 * through proxies and finds clients that went away.
 */
final class SseSubscriber implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SseSubscriber.class);
    static final int QUEUE = 1_000;

    private final SseClient client;
    private final Duration heartbeat;
    private final BlockingQueue<ChangeFeed.Event> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean done;

    SseSubscriber(SseClient client, Duration heartbeat) {
        this.client = client;
        this.heartbeat = heartbeat;
    }

    /** Queues an event; false once this subscriber is gone (closed, or too far behind and now dropped). */
    boolean offer(ChangeFeed.Event event) {
        if (done || client.terminated()) return false;
        if (queue.offer(event)) return true;
        log.info("change stream client {} is {} events behind: dropping it", client.ctx().ip(), QUEUE);
        close();
        return false;
    }

    @Override
    public void run() {
        try {
            while (!done && !client.terminated()) {
                ChangeFeed.Event e = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) client.sendComment("keep-alive");
                else if (e.id() == null) client.sendEvent(e.type(), e.data());
                else client.sendEvent(e.type(), e.data(), e.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("change stream client gone: {}", e.toString());
        } finally {
            close();
        }
    }

    /** Called by Javalin when the connection closes: stop sending, without closing the client again. */
    void gone() {
        done = true;
    }

    void close() {
        done = true;
        client.close();
    }
}
