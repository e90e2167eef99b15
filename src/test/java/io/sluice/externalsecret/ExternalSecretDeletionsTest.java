package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.kube.WellKnown;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The release of ExternalSecrets being deleted does not hang on one event reaching it. */
class ExternalSecretDeletionsTest {
    private final List<ExternalSecret> cache = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> releases = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> released = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> blocked = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private ExternalSecretDeletions deletions;

    @AfterEach
    void stop() {
        if (deletions != null) {
            deletions.stop();
        }
    }

    @Test
    void anExternalSecretMarkedBeforeTheSourceStartedIsReleasedWhenItStarts() throws InterruptedException {
        deletions = deletions(Duration.ofHours(1));
        ExternalSecret app = marked("app");
        cache.add(app);
        // the primary informer starts first: its initial event comes before this source can release anything
        deletions.onResourceCreated(app);

        deletions.start();

        assertTrue(latch("app").await(5, TimeUnit.SECONDS), "released once started");
    }

    @Test
    void aMarkedExternalSecretWhoseEventWasLostIsReleasedByTheSweep() throws InterruptedException {
        deletions = deletions(Duration.ofMillis(100));
        deletions.start();

        cache.add(marked("app")); // no event

        assertTrue(latch("app").await(5, TimeUnit.SECONDS), "released by the sweep");
    }

    @Test
    void eventsAndSweepsDuringAReleaseDoNotStartAnotherOne() throws InterruptedException {
        deletions = deletions(Duration.ofMillis(50));
        ExternalSecret app = marked("app");
        cache.add(app);
        blocked.put("app", new CountDownLatch(1));
        deletions.start();
        assertTrue(started.await(5, TimeUnit.SECONDS), "the sweep started releasing app");
        for (int i = 0; i < 5; i++) {
            deletions.onResourceUpdated(app, app);
        }

        blocked.get("app").countDown();
        assertTrue(latch("app").await(5, TimeUnit.SECONDS));
        // barrier: a later ExternalSecret is released on the same single thread, after any duplicate for app
        ExternalSecret other = marked("other");
        deletions.onResourceUpdated(other, other);
        assertTrue(latch("other").await(5, TimeUnit.SECONDS));
        assertEquals(1, releases.get("app").get());
    }

    private ExternalSecretDeletions deletions(Duration sweep) {
        return new ExternalSecretDeletions(
                es -> {
                    String name = es.getMetadata().getName();
                    releases.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    started.countDown();
                    CountDownLatch block = blocked.get(name);
                    if (block != null) {
                        try {
                            block.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    cache.removeIf(cached -> cached.getMetadata().getName().equals(name)); // gone from the cluster
                    latch(name).countDown();
                    return true;
                },
                id -> {},
                cache::stream,
                sweep);
    }

    private CountDownLatch latch(String name) {
        return released.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    private static ExternalSecret marked(String name) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName(name)
                .withUid(name + "-uid")
                .withDeletionTimestamp("2026-11-28T10:00:00Z")
                .withFinalizers(WellKnown.ES_CLEANUP_FINALIZER)
                .build());
        return es;
    }
}
