package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.ExternalSecretRewrite;
import io.sluice.api.v1.FindName;
import io.sluice.api.v1.RemoteRef;
import io.sluice.kube.RefreshIntervalFloor;
import io.sluice.metrics.SyncMetrics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tenant-written regular expressions and intervals cannot wedge the operator: catastrophic patterns run in
 * linear time, invalid ones are conditions naming the field, and no interval makes Sluice loop hot.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class HostileRegexpAndIntervalTest {

    /** java.util.regex did not finish {@code ^(.*?){40}X$} against a 42-character subject within 60 s. */
    private static final String CATASTROPHIC = "^(.*?){40}X$";

    private static final String LONG_KEY = "a".repeat(60);

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics syncs;

    private TestNamespace t;

    @BeforeEach
    void store() {
        t = new TestNamespace(client);
        client.resource(fakeStore(
                        t.ns,
                        "fake",
                        entry("token", "v1"),
                        entry(LONG_KEY, "long"),
                        entry("json", "{\"" + LONG_KEY + "\":\"v\",\"user\":\"u\"}")))
                .create();
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    @Test
    void catastrophicRewriteAndFindPatternsSyncWhileOtherExternalSecretsKeepSyncing() {
        ExternalSecret rewrite = externalSecret(t.ns, "hostile-rewrite", "fake", "1h");
        rewrite.getSpec().dataFrom = new ArrayList<>(List.of(extract("json", regexp(CATASTROPHIC, "x"))));
        ExternalSecret find = externalSecret(t.ns, "hostile-find", "fake", "1h");
        find.getSpec().dataFrom = new ArrayList<>(List.of(find(CATASTROPHIC + "|^token$")));
        client.resource(rewrite).create();
        client.resource(find).create();
        client.resource(withData(externalSecret(t.ns, "control", "fake", "1h"), "token", "token", null))
                .create();

        t.awaitData("control", Map.of("token", "v1"));
        t.awaitData("hostile-rewrite", Map.of(LONG_KEY, "v", "user", "u"));
        t.awaitData("hostile-find", Map.of("token", "v1"));
    }

    @Test
    void aFindPatternGoRefusesIsAConditionNamingTheEntry() {
        ExternalSecret es = externalSecret(t.ns, "lookahead", "fake", "1h");
        es.getSpec().dataFrom = new ArrayList<>(List.of(find("^tok(?=en)")));
        client.resource(es).create();

        Condition ready = t.awaitReady("lookahead", "False");
        assertEquals("SecretSyncedError", ready.reason);
        assertTrue(
                ready.message.startsWith("dataFrom[0].find.name.regexp is not a valid regular expression: "
                        + "error parsing regexp: invalid or unsupported Perl syntax"),
                ready.message);
        assertEquals(null, t.secret("lookahead"));
    }

    @Test
    void anIntervalThatOverflowsIsAConditionNotAHotLoop() {
        client.resource(withData(externalSecret(t.ns, "overflow", "fake", "2562048h1h"), "token", "token", null))
                .create();

        Condition ready = t.awaitReady("overflow", "False");
        assertEquals(
                "invalid spec.refreshInterval: duration \"2562048h1h\" is too large (at most 2562047h47m16s)",
                ready.message);
        assertEquals(null, t.secret("overflow"));
    }

    @Test
    void anIntervalBelowTheMinimumIsRaisedToItAndOneNormalEventSaysSo() {
        // the test profile sets sluice.min-refresh-interval=1s; 1ms would refresh continuously
        client.resource(withData(externalSecret(t.ns, "eager", "fake", "1ms"), "token", "token", null))
                .create();
        // the first sync can be followed at once by a second one (the Secret's creation races the status write)
        await().atMost(TestNamespace.WAIT).until(() -> syncs.syncCount(t.ns, "eager") >= 2);
        double before = syncs.syncCount(t.ns, "eager");
        Instant start = Instant.now();

        await().atMost(TestNamespace.WAIT).until(() -> syncs.syncCount(t.ns, "eager") >= before + 2);

        Duration twoRefreshes = Duration.between(start, Instant.now());
        // two periodic refreshes take at least two minimum intervals; the margin covers noticing the start late
        assertTrue(twoRefreshes.compareTo(Duration.ofMillis(1500)) >= 0, "two refreshes took " + twoRefreshes);
        assertEquals(Map.of("token", "v1"), t.data("eager"));

        // at least four reconciles ran with the raised interval: said once, not at each of them
        List<Event> raised = client.v1().events().inNamespace(t.ns).list().getItems().stream()
                .filter(e -> "eager".equals(e.getInvolvedObject().getName())
                        && RefreshIntervalFloor.REASON.equals(e.getReason()))
                .toList();
        assertEquals(1, raised.size(), "one RefreshIntervalRaised event");
        assertEquals("Normal", raised.get(0).getType());
        assertEquals(
                "spec.refreshInterval is below sluice.min-refresh-interval: raised to 1s",
                raised.get(0).getMessage());
    }

    private static ExternalSecretDataFrom extract(String key, ExternalSecretRewrite rewrite) {
        ExternalSecretDataFrom from = new ExternalSecretDataFrom();
        from.extract = new RemoteRef();
        from.extract.key = key;
        from.rewrite = new ArrayList<>(List.of(rewrite));
        return from;
    }

    private static ExternalSecretDataFrom find(String nameRegexp) {
        ExternalSecretDataFrom from = new ExternalSecretDataFrom();
        from.find = new ExternalSecretFind();
        from.find.name = new FindName();
        from.find.name.regexp = nameRegexp;
        return from;
    }

    private static ExternalSecretRewrite regexp(String source, String target) {
        ExternalSecretRewrite r = new ExternalSecretRewrite();
        r.regexp = new ExternalSecretRewrite.Regexp();
        r.regexp.source = source;
        r.regexp.target = target;
        return r;
    }
}
