package io.sluice.benchmark;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.metrics.SyncMetrics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long first syncs take at scale, and how long a new ExternalSecret waits while hundreds of others
 * refresh every two seconds (the refresh storm new work must overtake). Figures, not assertions: run with
 * {@code ./mvnw verify -Pbenchmarks}.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
@Tag("benchmark")
class FirstSyncBenchmark {
    private static final int FLEET = Integer.getInteger("bench.fleet", 300);
    private static final int NEWCOMERS = 20;

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics metrics;

    private final String ns = "bench-" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void firstSyncsAndNewcomersDuringARefreshStorm() {
        client.resource(fakeStore(ns, "fake", entry("token", "t"))).create();
        long start = System.nanoTime();
        for (int i = 0; i < FLEET; i++) {
            client.resource(withData(externalSecret(ns, "es-" + i, "fake", "2s"), "token", "token", null)).create();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.secrets().inNamespace(ns).list().getItems().size() >= FLEET);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[bench] first sync of %d ExternalSecrets: %.1f s (%.0f per second)%n", FLEET, seconds,
                FLEET / seconds);
        System.out.printf("[bench] JVM heap in use after GC with %d ExternalSecrets and their Secrets: %d MiB"
                + " (the in-process test API server's copies included)%n", FLEET, heapUsedAfterGc() / (1024 * 1024));

        double refreshesBefore = totalSyncs();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < NEWCOMERS; i++) {
            String name = "new-" + i;
            long created = System.nanoTime();
            client.resource(withData(externalSecret(ns, name, "fake", "1h"), "token", "token", null)).create();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> client.secrets().inNamespace(ns).withName(name).get() != null);
            latencies.add((System.nanoTime() - created) / 1_000_000);
        }
        Collections.sort(latencies);
        System.out.printf("[bench] during the storm (%.0f refreshes meanwhile): new ExternalSecret to Secret p50 %d ms,"
                + " max %d ms%n", totalSyncs() - refreshesBefore, latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() - 1));
    }

    private static long heapUsedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private double totalSyncs() {
        double total = 0;
        for (int i = 0; i < FLEET; i++) {
            total += metrics.syncCount(ns, "es-" + i);
        }
        return total;
    }
}
