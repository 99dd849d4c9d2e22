package io.claimstream.bench;

import io.claimstream.stream.ClaimstreamApp;
import io.claimstream.stream.StreamsSettings;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The replay part of {@code bench} runs the full topology in a child JVM with a capped heap ({@code -Xmx512m}), so
 * its memory is the application's alone, not the broker's next to it. Args: bootstrap servers, registry URL,
 * application id, state dir, then any {@code key=value} overrides. Prints {@code RUNNING} once Streams runs; on a
 * line {@code stop} on stdin prints one JSON line of memory figures and exits.
 */
public final class ReplayWorker {
    private ReplayWorker() {}

    public static void main(String[] args) throws Exception {
        Properties cfg = StreamsSettings.defaults();
        cfg.setProperty("bootstrap.servers", args[0]);
        cfg.setProperty("schema.registry.url", args[1]);
        cfg.setProperty("application.id", args[2]);
        cfg.setProperty("state.dir", args[3]);
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            cfg.setProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        cfg = StreamsSettings.forReplay(cfg); // what the replay command runs with
        AtomicLong maxAfterGc = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                // the map holds non-heap pools too: count the heap pools only
                long heap = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (isHeapPool(e.getKey())) heap += e.getValue().getUsed();
                }
                maxAfterGc.accumulateAndGet(heap, Math::max);
            }, null, null);
        }
        try (ClaimstreamApp app = new ClaimstreamApp(cfg)) {
            app.start();
            app.awaitRunning(Duration.ofSeconds(120));
            System.out.println("RUNNING");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
                // wait
            }
            long peakPools = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peakPools += pool.getPeakUsage().getUsed();
            }
            long gcCount = 0, gcMillis = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            // heap used after each GC, at most: the bound on what the application kept; the sum of the pools' own
            // peaks (eden, survivor, old at their separate maxima) overstates it and can exceed -Xmx
            System.out.printf("{\"max_heap_bytes\":%d,\"sum_of_heap_pool_peaks_bytes\":%d,\"max_heap_after_gc_bytes\":%d,"
                            + "\"gc_count\":%d,\"gc_millis\":%d,\"process_cpu_seconds\":%.1f}%n",
                    Runtime.getRuntime().maxMemory(), peakPools, maxAfterGc.get(), gcCount, gcMillis,
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime() / 1e9);
            System.out.flush();
        }
        System.exit(0);
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) return pool.getType() == MemoryType.HEAP;
        }
        return false;
    }
}
