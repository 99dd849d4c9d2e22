package io.claimstream.cli;

import io.claimstream.alert.deliver.AlertDelivery;
import io.claimstream.alert.deliver.AlertSink;
import io.claimstream.alert.deliver.AlertSinks;
import io.claimstream.stream.StreamsSettings;
import io.claimstream.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Deliver the alerts topic to the console, a webhook and a log file until stopped, committing each alert",
                "only once every sink accepted it. Alerts are derived by `run` from the watchlist (alerts.watchlist, alerts.watch);",
                "`run` delivers them itself too, so use this to deliver from another machine or to other sinks (with its own",
                "-Dalerts.group.id and --state-dir)."})
final class AlertsCommand implements Callable<Integer> {
    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert as JSON here (overrides alerts.webhook.url).")
    String webhook;

    @Option(names = "--log", paramLabel = "FILE", description = "Append each alert as a JSON line to FILE (overrides alerts.log.file).")
    Path log;

    @Option(names = "--no-console", description = "Do not print alerts on standard output.")
    boolean noConsole;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where each sink's delivered alert ids are kept (overrides alerts.state.dir, default data/alerts).")
    Path stateDir;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Properties cfg = config.loadClient();
        if (webhook != null) cfg.setProperty("alerts.webhook.url", webhook);
        if (log != null) cfg.setProperty("alerts.log.file", log.toString());
        if (noConsole) cfg.setProperty("alerts.console", "false");
        List<AlertSink> sinks;
        try {
            sinks = AlertSinks.fromProperties(cfg, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("claimstream alerts: " + e.getMessage());
            return 2;
        }
        if (sinks.isEmpty()) {
            System.err.println("claimstream alerts: no sink: drop --no-console, or give --webhook URL or --log FILE");
            return 2;
        }
        Path state = stateDir != null ? stateDir : AlertSinks.stateDir(cfg, Path.of("data", "alerts"));
        CountDownLatch stopped = new CountDownLatch(1);
        AlertDelivery delivery = new AlertDelivery(cfg, new Topics(StreamsSettings.serdeConfig(cfg)), sinks, state,
                line -> System.err.println("claimstream alerts: " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            delivery.close();
            stopped.countDown();
        }, "claimstream-alerts-shutdown"));
        delivery.start();
        System.err.println("claimstream alerts: delivering to " + String.join(", ", sinks.stream().map(AlertSink::name).toList()));
        stopped.await();
        return 0;
    }
}
