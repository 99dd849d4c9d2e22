package io.claimstream.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The Confluent serde properties this serde understands. */
record AvroSerdeConfig(boolean autoRegister, boolean useLatestVersion, boolean specificReader) {

  static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  static final String USE_LATEST_VERSION = "use.latest.version";
  static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  static AvroSerdeConfig of(Map<String, ?> configs) {
    return new AvroSerdeConfig(bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false), bool(configs, SPECIFIC_AVRO_READER, false));
  }

  private static boolean bool(Map<String, ?> configs, String name, boolean dflt) {
    Object v = configs.get(name);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(name, v, "Expected value to be either true or false");
  }

  static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
