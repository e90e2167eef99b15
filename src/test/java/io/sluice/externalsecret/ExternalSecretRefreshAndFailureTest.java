package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretRewrite;
import io.sluice.api.v1.ExternalSecretSpec.RefreshPolicy;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.SecretStore;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.metrics.ReconcileLedger;
import io.sluice.metrics.SyncMetrics;
import io.sluice.provider.fake.FakeProviderImpl;
import io.sluice.testing.ReconcileBarrier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When the provider is asked (refresh policies, force-sync, retries) and what failures leave behind. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretRefreshAndFailureTest {

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics syncs;

    @Inject
    ProviderCallMetrics providerCalls;

    @Inject
    ReconcileLedger ledger;

    private TestNamespace t;
    private ReconcileBarrier barrier;

    @BeforeEach
    void namespace() {
        t = new TestNamespace(client);
        barrier = new ReconcileBarrier(ledger, client);
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"), entry("json", "{\"user\":\"u\",\"pass\":\"p\"}")))
                .create();
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    @Test
    void forceSyncReadsTheProviderAgainInsteadOfTheSharedReadWindow() {
        client.resource(es("forced", "1h")).create();
        t.awaitReady("forced", "True");
        double afterFirst = fakeReads();

        // a second reader of the same remote secret within sluice.fetch.shared-read-window shares the read
        client.resource(es("sharer", "1h")).create();
        t.awaitData("sharer", Map.of("token", "v1"));
        assertEquals(afterFirst, fakeReads(), "a read within the shared window must not reach the provider");

        String synced = t.es("forced").getStatus().syncedResourceVersion;
        t.editEs("forced", e -> {
            e.getMetadata().getAnnotations().put(WellKnown.FORCE_SYNC_ANNOTATION, "1700000000");
            return e;
        });
        await().atMost(TestNamespace.WAIT)
                .until(() -> !synced.equals(t.es("forced").getStatus().syncedResourceVersion));
        assertTrue(fakeReads() > afterFirst, "force-sync must read the provider, bypassing the shared window");
    }

    @Test
    void createdOnceNeverRefreshesAndOnChangeRefreshesOnlyWhenTheResourceChanges() {
        ExternalSecret once = es("once", "1s");
        once.getSpec().refreshPolicy = RefreshPolicy.CreatedOnce;
        ExternalSecret onChange = es("on-change", "1s");
        onChange.getSpec().refreshPolicy = RefreshPolicy.OnChange;
        ExternalSecret zero = es("zero", "0");
        ExternalSecret periodic = es("periodic", "1s"); // the positive control: it must see the new value
        client.resource(once).create();
        client.resource(onChange).create();
        client.resource(zero).create();
        client.resource(periodic).create();
        t.awaitData("once", Map.of("token", "v1"));
        t.awaitData("on-change", Map.of("token", "v1"));
        t.awaitData("zero", Map.of("token", "v1"));
        t.awaitData("periodic", Map.of("token", "v1"));

        t.setStoreData("fake", entry("token", "v2"));
        // the store change reached the controller's store cache, and its event (sent to every ExternalSecret
        // of the store) has been reconciled by each of the others since
        t.awaitData("periodic", Map.of("token", "v2"));
        for (String name : List.of("once", "on-change", "zero")) {
            barrier.awaitCaughtUp(t.es(name));
        }
        assertEquals(Map.of("token", "v1"), t.data("once"));
        assertEquals(Map.of("token", "v1"), t.data("on-change"));
        assertEquals(Map.of("token", "v1"), t.data("zero"), "refreshInterval 0 syncs once");

        for (String name : List.of("once", "on-change", "zero")) {
            t.editEs(name, e -> {
                e.getMetadata().getLabels().put("touched", "yes");
                return e;
            });
        }
        t.awaitData("on-change", Map.of("token", "v2"));
        t.awaitData("zero", Map.of("token", "v2"));
        barrier.awaitCaughtUp(t.es("once")); // its reconcile saw the edited labels
        assertEquals(Map.of("token", "v1"), t.data("once"), "CreatedOnce ignores changes");
    }

    @Test
    void providerDownOrBadValuesLeaveTheSecretExactlyAsItWasEvenUnderDeletionPolicyDelete() {
        ExternalSecret es = withData(externalSecret(t.ns, "app", "fake", "1s"), "user", "json", "user");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.deletionPolicy = DeletionPolicy.Delete;
        client.resource(es).create();
        t.awaitData("app", Map.of("user", "u"));
        String version = t.secret("app").getMetadata().getResourceVersion();

        // a value that no longer has the property: an extraction error, not "the secret is gone"
        t.setStoreData("fake", entry("json", "{\"other\":\"x\"}"));
        Condition bad = t.awaitReady("app", "False", "could not get secret data from provider");
        assertTrue(bad.message.contains("key user does not exist"), bad.message);

        // the store stops working altogether
        SecretStore store = client.resources(SecretStore.class)
                .inNamespace(t.ns)
                .withName("fake")
                .get();
        store.getSpec().provider.fake = null;
        store.getSpec().provider.setOtherProvider("vault", Map.of("server", "https://vault.example:8200"));
        io.sluice.testing.Fixtures.editSpec(client, store);
        t.awaitReady("app", "False", "not supported");

        // the failing sync is retried (1 s interval, backoff): two more attempts, and the Secret is still as it was
        double attempts = syncs.syncCount(t.ns, "app");
        await().atMost(TestNamespace.WAIT).until(() -> syncs.syncCount(t.ns, "app") >= attempts + 2);
        assertEquals(version, t.secret("app").getMetadata().getResourceVersion());
        assertEquals(Map.of("user", "u"), t.data("app"));
    }

    @Test
    void failedSyncsBackOffAndNeverRetryFasterThanTheBackoffAllows() {
        // test profile: retry-initial-backoff 200ms, retry-max-backoff 2s, and the interval (1s); the schedule
        // itself is checked on a clock in FailureBackoffTest. Here only an upper bound, which a slow machine
        // can only make easier to meet: the attempts seen never exceed what the fastest schedule allows in the
        // time that passed.
        long startedNanos = System.nanoTime();
        client.resource(withData(externalSecret(t.ns, "failing", "fake", "1s"), "k", "absent", null))
                .create();
        t.awaitReady("failing", "False", "not found");
        await().atMost(TestNamespace.WAIT).until(() -> syncs.syncCount(t.ns, "failing") >= 6);

        double attempts = syncs.syncCount(t.ns, "failing");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        int allowed = maxAttemptsWithin(elapsed, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertTrue(attempts <= allowed, attempts + " attempts in " + elapsed.toMillis() + " ms; at most " + allowed);
    }

    /**
     * The most attempts a capped exponential backoff allows in {@code elapsed}: the first one at once, then one
     * after each shortest possible delay (-20% jitter, capped by the backoff maximum and by the interval).
     */
    static int maxAttemptsWithin(Duration elapsed, Duration initial, Duration max, Duration interval) {
        long left = elapsed.toMillis();
        int attempts = 1;
        for (int failures = 1; ; failures++) {
            long base = Math.min(initial.toMillis() << Math.min(failures - 1, 30), max.toMillis());
            long shortest = Math.min((long) (base * 0.8), interval.toMillis());
            if (shortest > left) {
                return attempts;
            }
            left -= shortest;
            attempts++;
        }
    }

    @Test
    void dataFromRewritesKeysAndDuplicateKeysGiveACondition() {
        ExternalSecret es = externalSecret(t.ns, "rewritten", "fake", "1h");
        es.getSpec().dataFrom =
                new ArrayList<>(List.of(extract("json", regexp("(.*)", "db_$1"), transform("{{ .value | upper }}"))));
        client.resource(es).create();
        t.awaitData("rewritten", Map.of("DB_USER", "u", "DB_PASS", "p"));

        ExternalSecret dup = externalSecret(t.ns, "duplicate", "fake", "1h");
        dup.getSpec().dataFrom = new ArrayList<>(List.of(extract("json", regexp(".*", "same"))));
        client.resource(dup).create();
        Condition ready = t.awaitReady("duplicate", "False");
        assertEquals("SecretSyncedError", ready.reason);
        assertTrue(
                ready.message.startsWith("could not get secret data from provider: DuplicateKey: rewrite[0] maps keys"),
                ready.message);
        assertEquals(null, t.secret("duplicate"));
    }

    private double fakeReads() {
        return providerCalls.count(FakeProviderImpl.METRIC_PROVIDER, "GetSecret", true);
    }

    private ExternalSecret es(String name, String refresh) {
        ExternalSecret es = withData(externalSecret(t.ns, name, "fake", refresh), "token", "token", null);
        es.getMetadata().setLabels(new java.util.HashMap<>(Map.of("app", name)));
        es.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of("note", "test")));
        return es;
    }

    private static ExternalSecretDataFrom extract(String key, ExternalSecretRewrite... rewrites) {
        ExternalSecretDataFrom from = new ExternalSecretDataFrom();
        from.extract = new RemoteRef();
        from.extract.key = key;
        from.rewrite = new ArrayList<>(List.of(rewrites));
        return from;
    }

    private static ExternalSecretRewrite regexp(String source, String target) {
        ExternalSecretRewrite r = new ExternalSecretRewrite();
        r.regexp = new ExternalSecretRewrite.Regexp();
        r.regexp.source = source;
        r.regexp.target = target;
        return r;
    }

    private static ExternalSecretRewrite transform(String template) {
        ExternalSecretRewrite r = new ExternalSecretRewrite();
        r.transform = new ExternalSecretRewrite.Transform();
        r.transform.template = template;
        return r;
    }
}
