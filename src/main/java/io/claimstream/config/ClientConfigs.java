package io.claimstream.config;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;
import java.util.Set;

/**
 * claimstream's configuration is one flat set of properties; each Kafka client gets only the ones it knows, since
 * Kafka warns about every property it does not (and there would be many: Streams', the serdes', claimstream's).
 */
public final class ClientConfigs {
    private ClientConfigs() {}

    public static Properties admin(Properties all) {
        return only(all, AdminClientConfig.configNames());
    }

    public static Properties producer(Properties all) {
        return only(all, ProducerConfig.configNames());
    }

    public static Properties consumer(Properties all) {
        return only(all, ConsumerConfig.configNames());
    }

    private static Properties only(Properties all, Set<String> names) {
        Properties p = new Properties();
        all.stringPropertyNames().stream().filter(names::contains).forEach(k -> p.setProperty(k, all.getProperty(k)));
        return p;
    }
}
