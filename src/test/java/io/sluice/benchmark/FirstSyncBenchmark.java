package io.sluice.benchmark;

import com.sun.management.OperatingSystemMXBean;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.status.Conditions;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's table in one run: raw baseline (N plain 4 KB Secrets, 16 threads), cold start (N unsynced
 * ExternalSecrets exist when Sluice starts, until all are Ready), live creation (N created at full speed;
 * creation-to-Ready p50/p99), AWS calls by operation and Kubernetes requests by verb and resource (Sluice's own
 * clients only) per phase, Sluice's JVM CPU seconds, heap after GC and RSS, and a steady window of refreshes with
 * unchanged data. Figures, not assertions. In-process by default (CRUD test API server, AWS emulator, both in this
 * JVM, so CPU and memory include them); any cluster and AWS endpoint with {@link BenchEnvironment}'s properties.
 * Run: {@code ./mvnw -o verify -Pbenchmarks -Dtest=FirstSyncBenchmark -Dbench.size=1000} (docs/benchmarks.md).
 */
@QuarkusTest
@Tag("slow")
@Tag("benchmark")
@QuarkusTestResource(value = BenchEnvironment.class, restrictToAnnotatedClass = true)
class FirstSyncBenchmark {
    private static final int N = Fleet.SIZE;
    private static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("bench.steady-seconds", 90));
    private static final List<String> AWS_CALLS =
            List.of("GetSecretValue", "BatchGetSecretValue", "ListSecrets", "DescribeSecret");

    @Inject
    ProviderCallMetrics awsCalls;

    private final Map<String, Long> readyAt = new ConcurrentHashMap<>();

    @Test
    void issue14Table() throws Exception {
        long coldFrom = Long.parseLong(System.getProperty(BenchEnvironment.COLD_READY_FROM));
        Snapshot start = Snapshot.take(this);
        try (KubernetesClient driver = Fleet.driverClient()) {
            Fleet fleet = new Fleet(driver, null);
            System.out.printf(
                    "[bench] N=%d, refreshInterval %s, Sluice up %.1f s after the cold fleet was created%n",
                    N, Fleet.REFRESH, (System.nanoTime() - coldFrom) / 1e9);

            SharedIndexInformer<ExternalSecret> cold = watchReady(driver, Fleet.COLD);
            awaitReady(Fleet.COLD, N, Duration.ofMinutes(30));
            long coldDone = readyTimes(Fleet.COLD).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElseThrow();
            cold.close();
            Snapshot afterCold = Snapshot.take(this);
            double coldSeconds = (coldDone - coldFrom) / 1e9;

            long rawFrom = System.nanoTime();
            fleet.createPlainSecrets(Fleet.RAW, N);
            double raw = (System.nanoTime() - rawFrom) / 1e9;
            System.out.printf("[bench] raw: %d plain 4 KB Secrets, 16 threads: %.2f s%n", N, raw);
            System.out.printf(
                    "[bench] cold start: %d ExternalSecrets Ready %.1f s after Sluice's start began (%.1fx raw)%n",
                    N, coldSeconds, coldSeconds / raw);
            afterCold.minus(start).print("cold start");

            Snapshot beforeLive = Snapshot.take(this);
            SharedIndexInformer<ExternalSecret> live = watchReady(driver, Fleet.LIVE);
            long liveFrom = System.nanoTime();
            List<Long> created = fleet.createExternalSecrets(Fleet.LIVE, N);
            double creating = (System.nanoTime() - liveFrom) / 1e9;
            awaitReady(Fleet.LIVE, N, Duration.ofMinutes(30));
            live.close();
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                latencies.add(readyAt.get(Fleet.LIVE + "/es-" + i) - created.get(i));
            }
            Collections.sort(latencies);
            long liveDone = readyTimes(Fleet.LIVE).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElseThrow();
            System.out.printf(
                    "[bench] live: %d created in %.1f s, all Ready after %.1f s (%.1fx raw); creation to Ready"
                            + " p50 %d ms, p99 %d ms, max %d ms%n",
                    N,
                    creating,
                    (liveDone - liveFrom) / 1e9,
                    (liveDone - liveFrom) / 1e9 / raw,
                    latencies.get(N / 2) / 1_000_000,
                    latencies.get((int) (N * 0.99)) / 1_000_000,
                    latencies.get(N - 1) / 1_000_000);
            Snapshot.take(this).minus(beforeLive).print("live creation");
            memory("after the first syncs");

            Snapshot beforeSteady = Snapshot.take(this);
            Thread.sleep(STEADY.toMillis()); // a measuring window, not a wait for something to happen
            Snapshot.take(this).minus(beforeSteady).print("steady " + STEADY.toSeconds() + " s, data unchanged");
            memory("at the end");
        }
    }

    private SharedIndexInformer<ExternalSecret> watchReady(KubernetesClient driver, String namespace) {
        return driver.resources(ExternalSecret.class).inNamespace(namespace).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ExternalSecret es) {
                seen(es);
            }

            @Override
            public void onUpdate(ExternalSecret old, ExternalSecret es) {
                seen(es);
            }

            @Override
            public void onDelete(ExternalSecret es, boolean unknown) {
                // not part of the benchmark
            }
        });
    }

    private void seen(ExternalSecret es) {
        if (es.getStatus() == null) {
            return;
        }
        Condition ready = Conditions.find(es.getStatus().conditions, "Ready");
        if (ready != null && "True".equals(ready.status)) {
            readyAt.putIfAbsent(
                    es.getMetadata().getNamespace() + "/" + es.getMetadata().getName(), System.nanoTime());
        }
    }

    private List<Long> readyTimes(String namespace) {
        return readyAt.entrySet().stream()
                .filter(e -> e.getKey().startsWith(namespace + "/"))
                .map(Map.Entry::getValue)
                .toList();
    }

    private void awaitReady(String namespace, int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (readyTimes(namespace).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(readyTimes(namespace).size() + " of " + count + " Ready in " + namespace);
            }
            Thread.sleep(50); // polling a counter the watch fills
        }
    }

    private static void memory(String when) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS"))
                .findFirst()
                .orElse("VmRSS: ?")
                .replaceAll("\\s+", " ");
        System.out.printf(
                "[bench] memory %s: heap after GC %d MiB, %s (whole JVM: the in-process API server and"
                        + " emulator included)%n",
                when, heap / (1024 * 1024), rss);
    }

    /** Counters at one moment: AWS calls by operation, Sluice's Kubernetes requests by verb and resource, CPU. */
    private record Snapshot(Map<String, Double> aws, Map<String, Double> kube, double cpuSeconds, long nanos) {

        static Snapshot take(FirstSyncBenchmark bench) {
            Map<String, Double> aws = new TreeMap<>();
            for (String call : AWS_CALLS) {
                aws.put(
                        call,
                        bench.awsCalls.count("AWS/SecretsManager", call, true)
                                + bench.awsCalls.count("AWS/SecretsManager", call, false));
            }
            Map<String, Double> kube = new TreeMap<>();
            for (Counter c :
                    Metrics.globalRegistry.find("sluice_kubernetes_requests").counters()) {
                kube.merge(c.getId().getTag("verb") + " " + c.getId().getTag("resource"), c.count(), Double::sum);
            }
            double cpu =
                    ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new Snapshot(aws, kube, cpu, System.nanoTime());
        }

        Snapshot minus(Snapshot before) {
            return new Snapshot(
                    diff(aws, before.aws),
                    diff(kube, before.kube),
                    cpuSeconds - before.cpuSeconds,
                    nanos - before.nanos);
        }

        void print(String phase) {
            double writes = kube.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("get ")
                            && !e.getKey().startsWith("list ")
                            && !e.getKey().startsWith("watch "))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            System.out.printf(
                    "[bench] %s (%.1f s): AWS calls %s; Kubernetes requests %s (%.0f writes); JVM CPU %.1f s"
                            + " (%.2f ms per ExternalSecret)%n",
                    phase, nanos / 1e9, nonZero(aws), nonZero(kube), writes, cpuSeconds, cpuSeconds * 1000 / N);
        }

        private static Map<String, Double> diff(Map<String, Double> now, Map<String, Double> before) {
            Map<String, Double> d = new TreeMap<>();
            now.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
            return d;
        }

        private static Map<String, Long> nonZero(Map<String, Double> counts) {
            Map<String, Long> shown = new TreeMap<>();
            counts.forEach((k, v) -> {
                if (v > 0) {
                    shown.put(k, Math.round(v));
                }
            });
            return shown;
        }
    }
}
