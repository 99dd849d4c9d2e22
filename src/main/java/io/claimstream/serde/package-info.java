/**
 * Avro serdes in Confluent's wire format (magic byte 0, 4-byte big-endian schema id, Avro binary)
 * and the Schema Registry clients behind them, without Confluent's artifacts.
 *
 * <pre>{@code
 * SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class);
 * serde.configure(Map.of("schema.registry.url", "http://localhost:8081"), false); // or "mock://scope"
 * }</pre>
 *
 * <p>Properties (Confluent's names): {@code schema.registry.url} (comma-separated for failover,
 * or {@code mock://scope}), {@code auto.register.schemas} (true), {@code use.latest.version}
 * (false), {@code basic.auth.credentials.source} (URL | USER_INFO), {@code basic.auth.user.info};
 * ours: {@code schema.registry.connect.timeout.ms} (10 s), {@code schema.registry.request.timeout.ms}
 * (30 s). Subjects follow TopicNameStrategy. Bad bytes raise
 * {@link org.apache.kafka.common.errors.SerializationException} saying what is wrong.
 */
package io.claimstream.serde;
