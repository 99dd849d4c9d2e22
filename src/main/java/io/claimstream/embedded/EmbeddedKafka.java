package io.claimstream.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller) inside this JVM,
 * for the "run, embedded" mode and the integration tests. Supports transactions (exactly-once):
 * every internal topic has replication factor 1 and min ISR 1.
 *
 * <p>The data directory survives {@link #stop()}/{@link #restart()} and new {@link #start} calls:
 * if it is already formatted it is reused (same cluster id, same data). The listener port (and the
 * controller port) are kept in {@code embedded-kafka.properties} there.
 */
public final class EmbeddedKafka implements AutoCloseable {

  static {
    // The broker's loggers (and the clients', which it uses inside) at WARN unless the
    // application says otherwise: slf4j-simple reads these system properties when each logger
    // is created. Kafka Streams' own loggers (org.apache.kafka.streams) are left alone.
    for (String name : new String[] {"kafka", "state.change.logger", "org.apache.kafka.clients",
        "org.apache.kafka.common", "org.apache.kafka.raft", "org.apache.kafka.controller",
        "org.apache.kafka.image", "org.apache.kafka.metadata", "org.apache.kafka.storage",
        "org.apache.kafka.coordinator", "org.apache.kafka.server", "org.apache.kafka.queue",
        "org.apache.kafka.security", "org.apache.kafka.network", "org.apache.kafka.snapshot"}) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }

  private static final int NODE_ID = 1;
  private static final String PORTS_FILE = "embedded-kafka.properties";
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  /**
   * A broker that requires SASL/SCRAM-SHA-512 over TLS on its one client listener (and between itself and
   * itself: the inter-broker listener is the same). The controller listener stays plaintext on localhost, as it
   * is only the node's own. SCRAM credentials are written into the metadata when the storage is formatted (as
   * {@code kafka-storage format --add-scram} does), so they exist before the first client connects; more can be
   * added later with {@code Admin.alterUserScramCredentials}.
   *
   * @param keystore           PKCS12 keystore with the broker's key and certificate (valid for "localhost")
   * @param truststore         PKCS12 truststore holding that certificate (the broker's own clients use it)
   * @param brokerUser         the SCRAM user the broker (and {@link #clientConfig()}) authenticates as
   * @param users              every SCRAM user → password, the broker's own included
   */
  public record Security(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
                         String brokerUser, Map<String, String> users) {
    public Security {
      users = Map.copyOf(users);
      if (!users.containsKey(brokerUser)) {
        throw new IllegalArgumentException("the broker user " + brokerUser + " needs a password in users");
      }
    }

    /** Hides the passwords. */
    @Override
    public String toString() {
      return "Security[SASL_SSL/" + SCRAM_MECHANISM + ", users " + users.keySet() + "]";
    }
  }

  /** The client properties that authenticate as {@code user} over SASL_SSL with the given truststore. */
  public static Properties saslSslClientConfig(String bootstrapServers, Path truststore, String truststorePassword,
      String user, String password) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", bootstrapServers);
    p.setProperty("security.protocol", "SASL_SSL");
    p.setProperty("sasl.mechanism", SCRAM_MECHANISM);
    p.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user + "\" password=\"" + password + "\";");
    p.setProperty("ssl.truststore.location", truststore.toAbsolutePath().toString());
    p.setProperty("ssl.truststore.password", truststorePassword);
    p.setProperty("ssl.truststore.type", "PKCS12");
    return p;
  }

  private final Path dataDir;
  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final Properties brokerConfig;
  private final Security security;
  private volatile KafkaRaftServer server;
  private volatile long lastStartupMillis;
  /** Stops the broker cleanly on Ctrl-C / JVM exit, so the next start needs no log recovery. */
  private final Thread shutdownHook;

  private EmbeddedKafka(Path dataDir, int port, int controllerPort, Security security) {
    this.dataDir = dataDir;
    this.logDir = dataDir.resolve("kraft-logs");
    this.port = port;
    this.controllerPort = controllerPort;
    this.security = security;
    this.brokerConfig = config();
    this.shutdownHook = new Thread(this::stop, "embedded-kafka-shutdown");
  }

  /**
   * Formats {@code dataDir} if it is new (else reuses it) and starts the broker on {@code port}
   * (0 = a free one; for a reused directory, 0 = the port it had before if still free).
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    return start(dataDir, port, null);
  }

  /**
   * As {@link #start(Path, int)}; with {@code security} non-null the broker requires SASL/SCRAM over TLS (see
   * {@link Security}). A directory formatted without security keeps no SCRAM users: use a fresh one.
   */
  public static EmbeddedKafka start(Path dataDir, int port, Security security) {
    try {
      Files.createDirectories(dataDir);
      Path portsFile = dataDir.resolve(PORTS_FILE);
      Properties ports = new Properties();
      if (Files.exists(portsFile)) {
        try (var in = Files.newInputStream(portsFile)) {
          ports.load(in);
        }
      }
      int brokerPort = port;
      if (brokerPort == 0) {
        int previous = Integer.parseInt(ports.getProperty("port", "0"));
        brokerPort = previous != 0 && isFree(previous) ? previous : freePort();
      }
      int previousController = Integer.parseInt(ports.getProperty("controller.port", "0"));
      int controllerPort = previousController != 0 && previousController != brokerPort && isFree(previousController)
          ? previousController : freePort(brokerPort);
      ports.setProperty("port", Integer.toString(brokerPort));
      ports.setProperty("controller.port", Integer.toString(controllerPort));
      try (var out = Files.newOutputStream(portsFile)) {
        ports.store(out, "EmbeddedKafka ports");
      }
      EmbeddedKafka kafka = new EmbeddedKafka(dataDir, brokerPort, controllerPort, security);
      kafka.formatIfNeeded();
      kafka.startServer();
      Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Kafka data directory " + dataDir, e);
    }
  }

  /** "localhost:PORT". */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  /**
   * What a client needs to reach this broker: {@code bootstrap.servers}, and for a secured broker the SASL_SSL
   * settings of the broker's own user (for the embedded registry and test set-up; applications use their own).
   */
  public Properties clientConfig() {
    if (security == null) {
      Properties p = new Properties();
      p.setProperty("bootstrap.servers", bootstrapServers());
      return p;
    }
    return saslSslClientConfig(bootstrapServers(), security.truststore(), security.truststorePassword(),
        security.brokerUser(), security.users().get(security.brokerUser()));
  }

  public Path dataDir() {
    return dataDir;
  }

  /** How long the last start took, in milliseconds (startup() until the broker is unfenced). */
  public long lastStartupMillis() {
    return lastStartupMillis;
  }

  public boolean isRunning() {
    return server != null;
  }

  /** Clean shutdown (waits for it); the data stays. Idempotent. */
  public synchronized void stop() {
    KafkaRaftServer s = server;
    if (s == null) {
      return;
    }
    server = null;
    s.shutdown();
    s.awaitShutdown();
  }

  /** Stops (if running) and starts again on the same port and data. */
  public synchronized void restart() {
    stop();
    startServer();
  }

  /** Stops the broker (clean shutdown); the data directory stays. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // JVM already shutting down, or hook never registered
    }
    stop();
  }

  // ---------------------------------------------------------------- internals

  private Properties config() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    String listener = security == null ? "PLAINTEXT" : "SASL_SSL";
    p.put("listeners", listener + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", listener + "://localhost:" + port);
    p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", listener);
    if (security != null) {
      p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
      p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
      String prefix = "listener.name.sasl_ssl.";
      p.put(prefix + "scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + security.brokerUser()
              + "\" password=\"" + security.users().get(security.brokerUser()) + "\";");
      p.put(prefix + "ssl.keystore.location", security.keystore().toAbsolutePath().toString());
      p.put(prefix + "ssl.keystore.password", security.keystorePassword());
      p.put(prefix + "ssl.key.password", security.keystorePassword());
      p.put(prefix + "ssl.keystore.type", "PKCS12");
      p.put(prefix + "ssl.truststore.location", security.truststore().toAbsolutePath().toString());
      p.put(prefix + "ssl.truststore.password", security.truststorePassword());
      p.put(prefix + "ssl.truststore.type", "PKCS12");
      // TLS only: who a client is comes from SCRAM, not from a client certificate
      p.put(prefix + "ssl.client.auth", "none");
    }
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("metadata.log.dir", logDir.toAbsolutePath().toString());
    // single node: every replication factor and min ISR is 1
    // Records carry event time, often far in the past (a backfill, the seeds); the default 7-day time retention
    // would delete them minutes after they are written on any topic created before claimstream could set its own.
    p.put("log.retention.ms", "-1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    p.put("group.initial.rebalance.delay.ms", "0");
    // small footprint
    // must be strictly more than 1 MiB per cleaner thread (KafkaConfig.validateValues)
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    p.put("log.cleaner.threads", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("background.threads", "2");
    p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    p.put("socket.request.max.bytes", Integer.toString(100 * 1024 * 1024));
    p.put("controlled.shutdown.enable", "true");
    return p;
  }

  private void formatIfNeeded() {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    Formatter formatter = new Formatter()
        .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setUnstableFeatureVersionsEnabled(false)
        .setIgnoreFormatted(true);
    if (security != null) {
      // as "kafka-storage format --add-scram 'SCRAM-SHA-512=[name=...,password=...]'"
      formatter.setScramArguments(security.users().entrySet().stream()
          .map(u -> SCRAM_MECHANISM + "=[name=" + u.getKey() + ",password=" + u.getValue() + "]").toList());
    }
    formatter.addDirectory(logDir.toAbsolutePath().toString());
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
    }
  }

  private synchronized void startServer() {
    if (server != null) {
      return;
    }
    long start = System.nanoTime();
    KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(brokerConfig, false), Time.SYSTEM);
    try {
      s.startup();
    } catch (RuntimeException e) {
      try {
        s.shutdown();
        s.awaitShutdown();
      } catch (RuntimeException ignored) {
        // already failing
      }
      throw new IllegalStateException("Embedded Kafka did not start on port " + port + ": " + e.getMessage(), e);
    }
    server = s;
    awaitReady();
    lastStartupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Waits until a client sees the broker in the cluster metadata. */
  private void awaitReady() {
    long deadline = System.currentTimeMillis() + 60_000;
    Properties admin = clientConfig();
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    RuntimeException last = null;
    try (Admin client = Admin.create(admin)) {
      while (System.currentTimeMillis() < deadline) {
        try {
          if (!client.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          last = new IllegalStateException(e.getMessage(), e);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
      }
    }
    throw new IllegalStateException("Embedded Kafka on port " + port + " not ready after 60 s", last);
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("localhost", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort(int... not) {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("localhost", 0));
        int p = socket.getLocalPort();
        if (java.util.Arrays.stream(not).noneMatch(n -> n == p)) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No free port", e);
      }
    }
    throw new IllegalStateException("No free port");
  }

  @Override
  public String toString() {
    return "EmbeddedKafka[" + bootstrapServers() + ", " + dataDir + "]";
  }
}
