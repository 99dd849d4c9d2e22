package io.claimstream.it;

import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Properties;

/** Client settings cut down to what one kind of client accepts (Kafka warns about every unknown property). */
final class Props {
    private Props() {}

    static Properties admin(Properties all) {
        Properties p = new Properties();
        all.stringPropertyNames().stream().filter(AdminClientConfig.configNames()::contains)
                .forEach(k -> p.setProperty(k, all.getProperty(k)));
        return p;
    }
}
