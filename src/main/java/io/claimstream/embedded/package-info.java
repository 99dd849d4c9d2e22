/**
 * In-process infrastructure for the embedded mode and the integration tests: a single-node KRaft
 * Kafka broker ({@link io.claimstream.embedded.EmbeddedKafka}) and a Confluent-compatible schema
 * registry storing its state in the broker's {@code _schemas} topic
 * ({@link io.claimstream.embedded.EmbeddedSchemaRegistry}).
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(Path.of("data/kafka"), 9092);
 *      EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 8081)) {
 *   // bootstrap.servers = kafka.bootstrapServers(), schema.registry.url = registry.url()
 * }
 * }</pre>
 */
package io.claimstream.embedded;
