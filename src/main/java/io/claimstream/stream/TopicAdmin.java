package io.claimstream.stream;

import org.apache.kafka.clients.admin.Admin;
import io.claimstream.config.ClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates the topics claimstream reads and writes, if they do not exist yet. */
public final class TopicAdmin {
    private TopicAdmin() {}

    /**
     * @param partitions partitions for new topics; the replication factor is the broker's default
     */
    public static void ensureTopics(Properties clientConfig, Topics topics, int partitions) {
        try (Admin admin = Admin.create(ClientConfigs.admin(clientConfig))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : topics.required()) {
                if (existing.contains(name)) continue;
                NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
                if (topics.compacted().contains(name)) topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                // Records carry their event time as timestamp: under the broker's default 7-day retention, coverage
                // published with an older date is deleted at the next retention check, and replay/verify lose it.
                // The articles and the changes are the history replay and verify read: kept.
                else if (name.equals(topics.articles().name()) || name.equals(topics.changes().name()))
                    topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
                missing.add(topic);
            }
            if (!missing.isEmpty()) createIgnoringRaces(admin, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + clientConfig.getProperty("bootstrap.servers") + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void createIgnoringRaces(Admin admin, List<NewTopic> topics) throws InterruptedException, ExecutionException {
        for (var entry : admin.createTopics(topics).values().entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e; // another instance made it first
            }
        }
    }
}
