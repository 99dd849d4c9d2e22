package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Corroboration;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.serde.MockSchemaRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** The claimstream topology in a TopologyTestDriver, on a registry of its own, with its main topics. */
final class TopologyHarness implements AutoCloseable {
    final String scope = "topology-test-" + UUID.randomUUID();
    final Topics topics = new Topics(Map.of("schema.registry.url", "mock://" + scope));
    final TopologyTestDriver driver;
    final TestInputTopic<String, Article> articles;
    final TestOutputTopic<String, ConsensusChange> changes;
    final TestOutputTopic<String, Consensus> table;
    final TestOutputTopic<String, Corroboration> corroborations;

    TopologyHarness(ConsensusEngine engine, ClaimstreamTopology.Options options) {
        Properties props = StreamsSettings.defaults();
        props.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // The driver has no transactions to simulate, and under exactly_once_v2 it drops the dead-letter records of
        // the deserialization handler (a real broker keeps them: EmbeddedPipelineIT asserts that under EOS).
        props.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // a directory of its own, so that two harnesses can run side by side
        try {
            props.setProperty(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("claimstream-driver").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(ClaimstreamTopology.build(topics, new ClaimExtractor(), engine, options, props), props);
        articles = driver.createInputTopic(Topics.ARTICLES, topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
        changes = driver.createOutputTopic(Topics.CHANGES, topics.changes().keySerde().deserializer(), topics.changes().valueSerde().deserializer());
        table = driver.createOutputTopic(Topics.CONSENSUS, topics.consensus().keySerde().deserializer(), topics.consensus().valueSerde().deserializer());
        corroborations = driver.createOutputTopic(Topics.CORROBORATIONS, topics.corroborations().keySerde().deserializer(),
                topics.corroborations().valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.drop(scope);
    }
}
