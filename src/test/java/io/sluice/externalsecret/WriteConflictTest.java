package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.SyncMetrics;
import io.sluice.testing.Fixtures;
import io.sluice.testing.HeldRequests;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 409 Conflict on a write is someone else's change landing first, not a failure: the operator reads again and
 * retries at once. The operator's write is held before it is sent while the test changes the object on the
 * server, so the held write carries an outdated resourceVersion and the server refuses it with a real 409.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class WriteConflictTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics syncs;

    private final HeldRequests held = HeldRequests.INSTANCE;
    private TestNamespace t;

    @BeforeEach
    void namespace() {
        t = new TestNamespace(client);
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
        client.resource(withData(externalSecret(t.ns, "app", "fake", "1h"), "token", "token", null))
                .create();
        t.awaitData("app", Map.of("token", "v1"));
        t.awaitReady("app", "True");
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    @Test
    void aSecretChangedDuringTheUpdateIsReadAgainAndWrittenAtOnce() throws InterruptedException {
        double errors = syncs.errorCount(t.ns, "app");
        t.setStoreData("fake", entry("token", "v2"));

        try (HeldRequests.Hold update = held.holdNext("PUT", "/secrets/app")) {
            forceSync();
            update.awaitHeld(WAIT);
            Fixtures.editLatest(client.secrets().inNamespace(t.ns).withName("app"), s -> {
                s.getMetadata().getAnnotations().put("someone-else", "was-here");
                return s;
            });
            try (HeldRequests.Hold retry = held.holdNext("PUT", "/secrets/app")) {
                update.close();
                // the refused update is followed by another one, without waiting for a backoff or a new event
                retry.awaitHeld(WAIT);
            }
        }

        t.awaitData("app", Map.of("token", "v2"));
        t.awaitReady("app", "True");
        Secret written = t.secret("app");
        assertEquals(
                "was-here",
                written.getMetadata().getAnnotations().get("someone-else"),
                "planned again on the Secret as it was after the other change");
        assertEquals(errors, syncs.errorCount(t.ns, "app"), "a conflict is not a failed sync");
        assertFalse(t.hasEvent("UpdateFailed"), "no Warning event for a conflict");
    }

    @Test
    void anExternalSecretChangedDuringItsStatusWriteReportsReadyWithoutAWarning() throws InterruptedException {
        double errors = syncs.errorCount(t.ns, "app");
        String synced = t.es("app").getStatus().syncedResourceVersion;
        t.setStoreData("fake", entry("token", "v3"));

        try (HeldRequests.Hold statusWrite = held.holdNext("PATCH", "/externalsecrets/app/status")) {
            forceSync();
            statusWrite.awaitHeld(WAIT);
            t.editEs("app", e -> {
                if (e.getMetadata().getLabels() == null) {
                    e.getMetadata().setLabels(new HashMap<>());
                }
                e.getMetadata().getLabels().put("edited", "during-status-write");
                return e;
            });
        }

        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> !synced.equals(t.es("app").getStatus().syncedResourceVersion)
                        && t.es("app").getMetadata().getLabels().containsKey("edited")
                        && t.es("app")
                                .getStatus()
                                .syncedResourceVersion
                                .equals(new EffectiveSpec(t.es("app"), Duration.ofHours(1)).resourceVersionMarker()));
        assertEquals("True", t.ready("app").status);
        assertEquals(Map.of("token", "v3"), t.data("app"));
        assertEquals(errors, syncs.errorCount(t.ns, "app"), "a conflict is not a failed sync");
        assertFalse(t.hasEvent("UpdateFailed"), "no Warning event for a conflict");
        assertNotEquals(synced, t.es("app").getStatus().syncedResourceVersion);
    }

    private void forceSync() {
        t.editEs("app", e -> {
            if (e.getMetadata().getAnnotations() == null) {
                e.getMetadata().setAnnotations(new HashMap<>());
            }
            if (e.getMetadata().getLabels() == null) {
                e.getMetadata().setLabels(new HashMap<>());
            }
            e.getMetadata().getAnnotations().put(WellKnown.FORCE_SYNC_ANNOTATION, String.valueOf(System.nanoTime()));
            return e;
        });
    }
}
