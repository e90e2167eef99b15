package io.sluice.benchmark;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.FakeProvider;
import io.sluice.api.v1.SecretStore;
import io.sluice.metrics.SyncMetrics;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the heap after GC that Sluice needs at 1,000, 5,000 and 10,000 ExternalSecrets with 4 KB Secrets, in one
 * JVM with the in-process test API server. Figures, not assertions: {@code ./mvnw -B -o test -Pbenchmarks
 * -Dtest=CacheMemoryBenchmark} ({@code -Dbench.steps=1000,5000} for other counts).
 * <p>
 * The test API server keeps every object as a JSON string in the same heap. Its share is estimated as the JSON
 * size of every object it holds (one byte per character: compact strings) plus {@value #SERVER_OVERHEAD_PER_OBJECT}
 * bytes of index entries per object, and subtracted; the remainder, minus the heap before the first
 * ExternalSecret, is Sluice's. ExternalSecrets carry what {@code kubectl apply} leaves on a real server
 * (last-applied annotation, managedFields), so the informers' trimming shows; the test server adds no
 * managedFields to the Secrets Sluice writes, so a real server's are not in these figures.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
@Tag("benchmark")
class CacheMemoryBenchmark {
    private static final int[] STEPS = Arrays.stream(
                    System.getProperty("bench.steps", "1000,5000,10000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    private static final int REMOTE_SECRETS = 100;
    private static final int SECRET_BYTES = 4096;
    private static final int NAMESPACES = 10;
    private static final long SERVER_OVERHEAD_PER_OBJECT = 600;

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics metrics;

    @Test
    void heapAfterGcPerExternalSecretCount() throws Exception {
        long baseline = heapAfterGc();
        System.out.printf("[bench] heap after GC before any ExternalSecret: %d MiB%n", baseline >> 20);
        for (int n = 0; n < NAMESPACES; n++) {
            client.resource(store(ns(n))).create();
        }
        ExecutorService creators = Executors.newFixedThreadPool(8);
        int created = 0;
        try {
            for (int step : STEPS) {
                Instant start = Instant.now();
                List<Future<?>> writes = new ArrayList<>();
                for (int i = created; i < step; i++) {
                    int index = i;
                    writes.add(creators.submit(() -> create(applied(index))));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
                created = step;
                int target = step;
                await().atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> synced(target) >= target);
                long seconds = Duration.between(start, Instant.now()).toSeconds();
                long heap = heapAfterGc();
                long server = serverCopies();
                long sluice = heap - baseline - server;
                System.out.printf(
                        "[bench] %,d ExternalSecrets (%d s to sync the new ones): heap after GC %d MiB;"
                                + " test API server's copies ~%d MiB; Sluice's share ~%d MiB (%.1f KiB per ExternalSecret)%n",
                        step, seconds, heap >> 20, server >> 20, sluice >> 20, sluice / 1024.0 / step);
            }
        } finally {
            creators.shutdownNow();
        }
        System.out.printf(
                "[bench] max heap (-Xmx) of this run: %d MiB%n",
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Creates, trying again when a busy test API server times out; a retry may find it created. */
    private void create(ExternalSecret es) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.resource(es).create();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                    return;
                }
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private long synced(int count) {
        long done = 0;
        for (int i = 0; i < count; i++) {
            if (metrics.syncCount(ns(i % NAMESPACES), "es-" + i) > 0) {
                done++;
            }
        }
        return done;
    }

    /** What the test API server holds: every object's JSON plus its index entries. */
    private long serverCopies() {
        long bytes = 0;
        for (int n = 0; n < NAMESPACES; n++) {
            bytes += jsonBytes(client.secrets().inNamespace(ns(n)).list().getItems());
            bytes += jsonBytes(client.resources(ExternalSecret.class)
                    .inNamespace(ns(n))
                    .list()
                    .getItems());
            bytes += jsonBytes(client.resources(SecretStore.class)
                    .inNamespace(ns(n))
                    .list()
                    .getItems());
        }
        return bytes;
    }

    private long jsonBytes(List<? extends HasMetadata> items) {
        long bytes = 0;
        for (HasMetadata item : items) {
            bytes += client.getKubernetesSerialization().asJson(item).length() + SERVER_OVERHEAD_PER_OBJECT;
        }
        return bytes;
    }

    private static SecretStore store(String namespace) {
        SecretStore store = fakeStore(namespace, "fake");
        for (int r = 0; r < REMOTE_SECRETS; r++) {
            store.getSpec().provider.fake.data.add(new FakeProvider.Entry("remote-" + r, value(r), null));
        }
        return store;
    }

    private static String value(int r) {
        StringBuilder text = new StringBuilder(SECRET_BYTES);
        while (text.length() < SECRET_BYTES) {
            text.append("remote-").append(r).append('-').append(text.length()).append(';');
        }
        return text.substring(0, SECRET_BYTES);
    }

    /** An ExternalSecret as {@code kubectl apply} leaves it on a real API server. */
    private ExternalSecret applied(int i) {
        ExternalSecret es = withData(
                externalSecret(ns(i % NAMESPACES), "es-" + i, "fake", "1h"),
                "value",
                "remote-" + (i % REMOTE_SECRETS),
                null);
        Map<String, String> annotations = new HashMap<>();
        annotations.put(
                "kubectl.kubernetes.io/last-applied-configuration",
                client.getKubernetesSerialization().asJson(es));
        es.getMetadata().setAnnotations(annotations);
        es.getMetadata()
                .setManagedFields(List.of(
                        new ManagedFieldsEntryBuilder()
                                .withManager("kubectl-client-side-apply")
                                .withOperation("Update")
                                .withApiVersion("external-secrets.io/v1")
                                .withTime("2026-11-28T00:00:00Z")
                                .withFieldsType("FieldsV1")
                                .withFieldsV1(specFields())
                                .build(),
                        new ManagedFieldsEntryBuilder()
                                .withManager("sluice")
                                .withOperation("Update")
                                .withApiVersion("external-secrets.io/v1")
                                .withTime("2026-11-28T00:00:00Z")
                                .withFieldsType("FieldsV1")
                                .withSubresource("status")
                                .withFieldsV1(statusFields())
                                .build()));
        return es;
    }

    private static FieldsV1 specFields() {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty(
                "f:metadata",
                Map.of(
                        "f:annotations",
                        Map.of(".", Map.of(), "f:kubectl.kubernetes.io/last-applied-configuration", Map.of())));
        fields.setAdditionalProperty(
                "f:spec",
                Map.of(
                        ".",
                        Map.of(),
                        "f:data",
                        Map.of(),
                        "f:refreshInterval",
                        Map.of(),
                        "f:secretStoreRef",
                        Map.of(".", Map.of(), "f:kind", Map.of(), "f:name", Map.of())));
        return fields;
    }

    private static FieldsV1 statusFields() {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty(
                "f:status",
                Map.of(
                        ".",
                        Map.of(),
                        "f:binding",
                        Map.of(".", Map.of(), "f:name", Map.of()),
                        "f:conditions",
                        Map.of(),
                        "f:refreshTime",
                        Map.of(),
                        "f:syncedResourceVersion",
                        Map.of()));
        return fields;
    }

    private static String ns(int n) {
        return "mem-" + n;
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
