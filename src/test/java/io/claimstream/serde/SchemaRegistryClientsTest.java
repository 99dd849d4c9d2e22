package io.claimstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

  @Test
  void mockUrlsGiveTheScopeRegistry() {
    try {
      SchemaRegistryClient a = SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "mock://clients-a"));
      assertThat(a).isSameAs(MockSchemaRegistry.forScope("clients-a"));
      assertThat(SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "mock://clients-b")))
          .isNotSameAs(a);
    } finally {
      MockSchemaRegistry.drop("clients-a");
      MockSchemaRegistry.drop("clients-b");
    }
  }

  @Test
  void restClientsAreSharedPerUrlAndCredentials() {
    SchemaRegistryClient one = SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "http://localhost:1"));
    assertThat(one).isInstanceOf(RestSchemaRegistryClient.class);
    assertThat(SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "http://localhost:1"))).isSameAs(one);
    assertThat(SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "http://localhost:1",
        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", new Password("u:p")))).isNotSameAs(one);
    assertThat(((RestSchemaRegistryClient) SchemaRegistryClients.forConfig(
        Map.of("schema.registry.url", "http://a:1/, http://b:2"))).baseUrls())
        .extracting(Object::toString).containsExactly("http://a:1", "http://b:2");
  }

  @Test
  void configErrors() {
    assertThatThrownBy(() -> SchemaRegistryClients.forConfig(Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "http://localhost:2",
        "basic.auth.credentials.source", "USER_INFO")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
    assertThatThrownBy(() -> SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "http://localhost:2",
        "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SASL_INHERIT");
    assertThatThrownBy(() -> new SpecificAvroSerde<>().configure(Map.of("schema.registry.url", "mock://x",
        "auto.register.schemas", "maybe"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
  }

  @Test
  void unreachableRegistryMessageNamesTheUrlsButNotTheCredentials() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(
        "http://bob:hunter2@localhost:" + dead, "URL", null, null, null);
    assertThat(client.toString()).doesNotContain("hunter2").contains("basic auth");
    assertThatThrownBy(client::subjects)
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.getMessage()).contains("unreachable").contains("localhost:" + dead)
              .doesNotContain("hunter2").doesNotContain("bob");
        });
  }
}
