package io.claimstream.stream;

import io.claimstream.config.Settings;
import io.claimstream.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which failures dead-letter a record and which stop the stream thread.
 *
 * <p>A record is dead-lettered only when the record itself is at fault: bytes that are not Avro, a schema id the
 * registry says it never issued (404), a body that does not decode, a value the processor rejects. A registry error
 * says nothing about the record, so it never dead-letters; it fails the stream thread instead, and the
 * uncaught-exception handler of {@link ClaimstreamApp} decides what next:
 * <ul>
 *   <li>{@link #registryUnavailable unavailable} (unreachable, 5xx, 408, 429): an outage. The thread is replaced after
 *   a back-off and resumes from the last committed offset (exactly once), so the records are read again once the
 *   registry is back.</li>
 *   <li>{@link #registryRefused refused} (401, 403): the registry rejects our credentials. Retrying cannot help and
 *   would hide the mistake, so the application stops with a message that says so.</li>
 * </ul>
 */
public final class ErrorHandlers {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {}

    /**
     * The registry error in {@code e}'s cause chain that is an outage (unreachable, 5xx, 408 timeout, 429 too many
     * requests): transient, not the record's fault. Null if there is none.
     */
    public static SchemaRegistryException registryUnavailable(Throwable e) {
        SchemaRegistryException r = registryError(e);
        if (r == null) return null;
        int s = r.status();
        return s >= 500 || s == 408 || s == 429 ? r : null;
    }

    /**
     * The registry error in {@code e}'s cause chain that refuses claimstream's credentials (401 unauthorized, 403
     * forbidden): not the record's fault, and not transient either. Null if there is none.
     */
    public static SchemaRegistryException registryRefused(Throwable e) {
        SchemaRegistryException r = registryError(e);
        return r != null && isRefusal(r.status()) ? r : null;
    }

    /** Whether an HTTP status from the registry means it refuses our credentials. */
    public static boolean isRefusal(int status) {
        return status == 401 || status == 403;
    }

    /**
     * One line on refused credentials, for logs and the command line: the registry's URLs (any credentials in them
     * hidden) and the status, never the credentials or the registry's own message.
     */
    public static String refusal(String registryUrls, int status) {
        return "schema registry at " + Settings.hideUserInfo(registryUrls) + " refused claimstream's credentials (HTTP "
                + status + (status == 401 ? " Unauthorized" : status == 403 ? " Forbidden" : "")
                + "): check basic.auth.user.info / basic.auth.credentials.source";
    }

    /** The first registry error in {@code e}'s cause chain, or null. */
    private static SchemaRegistryException registryError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException r) return r;
        }
        return null;
    }

    /** Deserialization: dead-letter (and go on) unless the registry is unavailable or refuses us, then fail the thread. */
    public static final class Deserialization extends LogAndContinueExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            SchemaRegistryException refused = registryRefused(exception);
            if (refused != null) {
                log.warn("schema registry refused claimstream's credentials (HTTP {}) while reading {}-{}@{}; not dead-lettering",
                        refused.status(), record.topic(), record.partition(), record.offset());
                return Response.fail();
            }
            SchemaRegistryException r = registryUnavailable(exception);
            if (r != null) {
                log.warn("schema registry unavailable while reading {}-{}@{}; not dead-lettering, the stream thread retries: {}",
                        record.topic(), record.partition(), record.offset(), r.getMessage());
                return Response.fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    /**
     * Processing: dead-letter (and go on) unless the registry is unavailable or refuses us (writing a claim), then
     * fail the thread.
     */
    public static final class Processing extends LogAndContinueProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            SchemaRegistryException refused = registryRefused(exception);
            if (refused != null) {
                log.warn("schema registry refused claimstream's credentials (HTTP {}) while processing {}-{}@{}; not dead-lettering",
                        refused.status(), context.topic(), context.partition(), context.offset());
                return Response.fail();
            }
            SchemaRegistryException r = registryUnavailable(exception);
            if (r != null) {
                log.warn("schema registry unavailable while processing {}-{}@{}; not dead-lettering, the stream thread retries: {}",
                        context.topic(), context.partition(), context.offset(), r.getMessage());
                return Response.fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    /**
     * Writing: a claim or change that cannot be serialized because the registry is unavailable or refuses us fails
     * the thread without dead-letter records (Kafka's default would attach them); everything else as Kafka's default.
     */
    public static final class Production extends DefaultProductionExceptionHandler {
        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                 SerializationExceptionOrigin origin) {
            SchemaRegistryException refused = registryRefused(exception);
            if (refused != null) {
                log.warn("schema registry refused claimstream's credentials (HTTP {}) while writing to {}", refused.status(), record.topic());
                return Response.fail();
            }
            SchemaRegistryException r = registryUnavailable(exception);
            if (r != null) {
                log.warn("schema registry unavailable while writing to {}; the stream thread retries: {}", record.topic(), r.getMessage());
                return Response.fail();
            }
            return super.handleSerializationError(context, record, exception, origin);
        }
    }
}
