package io.claimstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimstream.testing.GoldConsensus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `claimstream demo --json`, the README's first command, run from the packaged jar on the embedded default. */
class DemoCommandIT {
    @Test
    void demoPrintsEachChangeAsJsonAndEndsWithEveryLabelledKeyInItsBounds() throws Exception {
        JarRunner.Result r = JarRunner.run(240, "demo", "--json");
        assertThat(r.exitCode()).as("exit code; stderr:\n%s", r.stderr()).isZero();

        ObjectMapper json = new ObjectMapper();
        List<GoldConsensus.Observed> observed = new ArrayList<>();
        for (String line : r.stdout().strip().split("\n")) {
            JsonNode c = json.readTree(line); // every stdout line is one JSON object
            assertThat(c.fieldNames()).toIterable().contains("key", "subject", "counterparty", "attribute", "qualifier", "unit",
                    "before", "after", "sources", "trigger", "event_time");
            assertThat(c.get("trigger").fieldNames()).toIterable().contains("article", "source", "evidence");
            observed.add(new GoldConsensus.Observed(c.get("key").asText(),
                    c.get("after").isNull() ? null : c.get("after").get("value").asDouble(),
                    c.get("trigger").get("article").asText()));
        }
        assertThat(GoldConsensus.violations(observed)).isEmpty();
    }
}
