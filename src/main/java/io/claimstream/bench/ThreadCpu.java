package io.claimstream.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a measured run's CPU went, by kind of thread. The bench runs broker, registry and application in one JVM,
 * so the process CPU alone cannot say whether the application's stream threads or the broker serving them set the
 * rate; a sampling profiler's share of samples cannot either (it samples a few threads per tick).
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    /** CPU nanoseconds of every live thread, by id. */
    static Map<Long, Long> snapshot() {
        Map<Long, Long> m = new HashMap<>();
        if (!THREADS.isThreadCpuTimeSupported()) return m;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) m.put(id, t);
        }
        return m;
    }

    /**
     * Seconds of CPU since {@code before}, by kind: {@code stream} (Kafka Streams' stream threads),
     * {@code producer_network} (their producers' I/O threads), {@code broker} (the embedded broker and registry),
     * {@code other_java}, and {@code outside_java_threads}: the process CPU no live Java thread accounts for (GC,
     * the JIT's compiler threads, threads that ended).
     */
    static Map<String, Object> since(Map<Long, Long> before, long processCpuNanos) {
        Map<String, Long> byKind = new TreeMap<>();
        long javaThreads = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long now = THREADS.getThreadCpuTime(id);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (now < 0 || info == null) continue;
            long used = now - before.getOrDefault(id, 0L);
            javaThreads += used;
            byKind.merge(kind(info.getThreadName()), used, Long::sum);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byKind.forEach((k, v) -> out.put(k, Bench.round(v / 1e9, 2)));
        out.put("outside_java_threads", Bench.round(Math.max(0, processCpuNanos - javaThreads) / 1e9, 2));
        return out;
    }

    static String kind(String name) {
        if (name.startsWith("kafka-producer-network-thread")) return "producer_network";
        if (name.contains("-StreamThread-")) return "stream";
        if (name.startsWith("data-plane-kafka") || name.startsWith("kafka-") || name.startsWith("broker-")
                || name.startsWith("group-coordinator") || name.startsWith("TxnMarkerSenderThread")
                || name.startsWith("AddPartitionsToTxnSenderThread") || name.startsWith("ExpirationReaper")
                || name.startsWith("controller-") || name.startsWith("raft-") || name.startsWith("share-")
                || name.startsWith("LogDirFailureHandler") || name.startsWith("transaction-log-manager")
                || name.startsWith("metrics-meter-tick") || name.startsWith("qtp") || name.startsWith("JettyServerThreadPool")) {
            return "broker";
        }
        return "other_java";
    }
}
