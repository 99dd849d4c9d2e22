package io.claimstream.stream;

import io.claimstream.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which registry errors are the registry refusing our credentials (stop), which an outage (retry), and which the
 * record's fault (dead-letter); and that the three exception handlers dead-letter only the last.
 */
class ErrorHandlersTest {
    private static final String DLQ = "dead-letters";

    /** A registry error as the serdes raise it: wrapped by the deserializer, then by Streams. */
    private static Exception fromRegistry(int status) {
        SchemaRegistryException r = new SchemaRegistryException(status, status, "registry said " + status);
        return new StreamsException(new SerializationException("Cannot deserialize value from topic 'articles'", r));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreRefusedNotUnavailable(int status) {
        Exception e = fromRegistry(status);
        assertThat(ErrorHandlers.registryRefused(e)).isNotNull().extracting(SchemaRegistryException::status).isEqualTo(status);
        assertThat(ErrorHandlers.registryUnavailable(e)).isNull();
        assertThat(ErrorHandlers.isRefusal(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429})
    void anOutageIsUnavailableNotRefused(int status) {
        Exception e = fromRegistry(status);
        assertThat(ErrorHandlers.registryUnavailable(e)).isNotNull().extracting(SchemaRegistryException::status).isEqualTo(status);
        assertThat(ErrorHandlers.registryRefused(e)).isNull();
        assertThat(ErrorHandlers.isRefusal(status)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 422, 409})
    void theRecordsFaultIsNeither(int status) {
        Exception e = fromRegistry(status);
        assertThat(ErrorHandlers.registryUnavailable(e)).isNull();
        assertThat(ErrorHandlers.registryRefused(e)).isNull();
    }

    @Test
    void anErrorWithoutARegistryCauseIsNeither() {
        Exception e = new StreamsException(new SerializationException("unknown magic byte"));
        assertThat(ErrorHandlers.registryUnavailable(e)).isNull();
        assertThat(ErrorHandlers.registryRefused(e)).isNull();
        assertThat(ErrorHandlers.registryRefused(null)).isNull();
    }

    @Test
    void theRefusalNamesTheRegistryAndStatusButNoCredentials() {
        String line = ErrorHandlers.refusal("https://claimstream:s3cretpw@registry.example:8081,http://other:8081", 401);
        assertThat(line).contains("registry.example:8081").contains("http://other:8081").contains("HTTP 401 Unauthorized")
                .contains("basic.auth.user.info").doesNotContain("s3cretpw").doesNotContain("claimstream:");
        assertThat(ErrorHandlers.refusal("http://registry:8081", 403)).contains("HTTP 403 Forbidden");
    }

    // ------------------------------------------------------------------ the handlers

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 503, 429})
    void deserializationFailsTheThreadWithoutDeadLetteringOnRegistryTrouble(int status) {
        ErrorHandlers.Deserialization handler = configured(new ErrorHandlers.Deserialization());
        DeserializationExceptionHandler.Response r = handler.handleError(CONTEXT, consumerRecord(), fromRegistry(status));
        assertThat(r.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void deserializationDeadLettersWhatIsTheRecordsFault() {
        ErrorHandlers.Deserialization handler = configured(new ErrorHandlers.Deserialization());
        DeserializationExceptionHandler.Response r = handler.handleError(CONTEXT, consumerRecord(), fromRegistry(404));
        assertThat(r.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).hasSize(1).allSatisfy(d -> assertThat(d.topic()).isEqualTo(DLQ));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 503, 429})
    void processingFailsTheThreadWithoutDeadLetteringOnRegistryTrouble(int status) {
        ErrorHandlers.Processing handler = configured(new ErrorHandlers.Processing());
        ProcessingExceptionHandler.Response r = handler.handleError(CONTEXT, new Record<>("k", "v", 0L), fromRegistry(status));
        assertThat(r.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void processingDeadLettersWhatIsTheRecordsFault() {
        ErrorHandlers.Processing handler = configured(new ErrorHandlers.Processing());
        ProcessingExceptionHandler.Response r = handler.handleError(CONTEXT, new Record<>("k", "v", 0L), fromRegistry(422));
        assertThat(r.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 503, 429})
    void productionFailsWithoutDeadLetteringOnRegistryTrouble(int status) {
        ErrorHandlers.Production handler = configured(new ErrorHandlers.Production());
        ProductionExceptionHandler.Response r = handler.handleSerializationError(CONTEXT, new ProducerRecord<>("claims", "k", "v"),
                fromRegistry(status), ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);
        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void productionKeepsKafkasDefaultForOtherErrors() {
        ErrorHandlers.Production handler = configured(new ErrorHandlers.Production());
        ProductionExceptionHandler.Response r = handler.handleSerializationError(CONTEXT, new ProducerRecord<>("claims", "k", "v"),
                fromRegistry(422), ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);
        assertThat(r.deadLetterQueueRecords()).as("Kafka's default attaches dead letters").hasSize(1);
    }

    private static <T extends org.apache.kafka.common.Configurable> T configured(T handler) {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ));
        return handler;
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord() {
        return new ConsumerRecord<>("articles", 0, 7L, bytes("k"), bytes("v"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override public String topic() { return "articles"; }
        @Override public int partition() { return 0; }
        @Override public long offset() { return 7L; }
        @Override public Headers headers() { return new RecordHeaders(); }
        @Override public String processorNodeId() { return "extract"; }
        @Override public TaskId taskId() { return new TaskId(0, 0); }
        @Override public long timestamp() { return 0L; }
        @Override public byte[] sourceRawKey() { return bytes("k"); }
        @Override public byte[] sourceRawValue() { return bytes("v"); }
    };
}
