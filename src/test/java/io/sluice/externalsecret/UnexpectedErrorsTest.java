package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.ClusterSecretStoreCondition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.kube.SecretData;
import io.sluice.status.Conditions;
import io.sluice.testing.Fixtures;
import io.sluice.testing.LogCapture;
import io.sluice.testing.RefusedRequests;
import io.sluice.testing.RefusedRequests.Refusal;
import io.sluice.testing.aws.EmulatorResource;
import jakarta.inject.Inject;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Errors outside what a reconcile expects (issue 11): each one leaves Ready=False with a clear reason, an Event
 * and a log line, deletes nothing, and the resource is tried again, beyond the 5 attempts after which JOSDK's
 * own retry would give it up, until the cause is gone.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
class UnexpectedErrorsTest {
    /** JOSDK's default retry: the first attempt and 5 retries, then the resource is left alone. */
    private static final int JOSDK_DEFAULT_ATTEMPTS = 6;

    private static final String DEEP_JSON = "{\"a\":".repeat(10_100) + "\"x\"" + "}".repeat(10_100);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    private TestNamespace t;
    private LogCapture logs;
    private final List<String> clusterStores = new ArrayList<>();

    @BeforeEach
    void setUp() {
        t = new TestNamespace(client);
        logs = LogCapture.start();
        RefusedRequests.expectRefusals(server, HttpURLConnection.HTTP_INTERNAL_ERROR, "InternalError");
        RefusedRequests.expectRefusals(server, HttpURLConnection.HTTP_FORBIDDEN, "Forbidden");
    }

    @AfterEach
    void cleanUp() {
        logs.close();
        t.deleteAllExternalSecrets();
        clusterStores.forEach(name ->
                client.resources(ClusterSecretStore.class).withName(name).delete());
    }

    @Test
    void remoteJsonNestedBeyondTheParserLimitFailsTheSyncKeepsTheSecretAndRecovers() {
        client.resource(fakeStore(t.ns, "fake", entry("doc", "{\"a\":\"v1\"}"))).create();
        client.resource(withData(externalSecret(t.ns, "by-property", "fake", "1s"), "a", "doc", "a"))
                .create();
        ExternalSecret extracted = externalSecret(t.ns, "by-extract", "fake", "1s");
        extracted.getSpec().dataFrom = List.of(extract("doc"));
        client.resource(extracted).create();
        t.awaitData("by-property", Map.of("a", "v1"));
        t.awaitData("by-extract", Map.of("a", "v1"));

        t.setStoreData("fake", entry("doc", DEEP_JSON));
        for (String name : List.of("by-property", "by-extract")) {
            Condition ready = t.awaitReady(name, "False", "nested deeper than 10000 levels");
            assertEquals("SecretSyncedError", ready.reason);
            assertEquals(Map.of("a", "v1"), t.data(name), name + ": the Secret is kept as it was");
        }
        assertTrue(t.hasEvent("UpdateFailed"));
        assertLogged("nested deeper than 10000 levels");

        t.setStoreData("fake", entry("doc", "{\"a\":\"v2\"}"));
        t.awaitData("by-property", Map.of("a", "v2"));
        t.awaitData("by-extract", Map.of("a", "v2"));
    }

    @Test
    void aMissingRemoteKeyIsAnErrorNamingTheFieldAndTheSecretIsKept() {
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
        client.resource(withData(externalSecret(t.ns, "app", "fake", "1h"), "token", "token", null))
                .create();
        t.awaitData("app", Map.of("token", "v1"));

        t.editEs("app", e -> {
            e.getSpec().data.get(0).remoteRef.key = null;
            return e;
        });
        ExternalSecret extracted = externalSecret(t.ns, "extracted", "fake", "1h");
        extracted.getSpec().dataFrom = List.of(extract(null));
        client.resource(extracted).create();

        assertEquals(
                "SecretSyncedError", t.awaitReady("app", "False", "spec.data[0].remoteRef.key is required").reason);
        t.awaitReady("extracted", "False", "spec.dataFrom[0].extract.key is required");
        assertEquals(Map.of("token", "v1"), t.data("app"), "the Secret is kept as it was");
        assertTrue(t.hasEvent("UpdateFailed"));
        assertLogged("spec.data[0].remoteRef.key is required");

        t.editEs("app", e -> {
            e.getSpec().data.get(0).remoteRef.key = "token";
            return e;
        });
        t.awaitReady("app", "True");
    }

    /**
     * {@code status.refreshTime} is Sluice's own record; one it cannot read (a hand-edited status, say) means the
     * time of the last sync is unknown: the resource is synced again, which writes a valid time.
     */
    @Test
    void aMalformedRefreshTimeIsRewrittenBySyncingAgain() {
        client.resource(withData(externalSecret(t.ns, "app", "later", "1h"), "token", "token", null))
                .create();
        t.awaitReady("app", "False", "not found");
        String marker = new EffectiveSpec(t.es("app"), Duration.ofHours(1)).resourceVersionMarker();
        editStatus("app", status -> {
            status.refreshTime = "yesterday";
            status.syncedResourceVersion = marker;
        });
        await().atMost(TestNamespace.WAIT)
                .until(() ->
                        logs.lines().stream().anyMatch(l -> l.contains("status.refreshTime is not an RFC 3339 time")));

        client.resource(fakeStore(t.ns, "later", entry("token", "v1"))).create();
        t.awaitData("app", Map.of("token", "v1"));
        t.awaitReady("app", "True");
        Instant.parse(t.es("app").getStatus().refreshTime);
    }

    @Test
    void anApiErrorOutsideTheSyncIsReportedAndRetriedBeyondJosdksRetryLimitUntilItClears() {
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(t.ns)
                                .withName("shared")
                                .build())
                        .withData(Map.of("keep", b64("x")))
                        .build())
                .create();
        ExternalSecret es = withData(externalSecret(t.ns, "app", "fake", "1h"), "token", "token", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.name = "shared";
        es.getSpec().target.creationPolicy = CreationPolicy.Merge; // a Secret Sluice does not manage is read directly

        String target = "/api/v1/namespaces/" + t.ns + "/secrets/shared";
        try (Refusal refusal = RefusedRequests.INSTANCE.refuseGets(
                uri -> uri.getPath().equals(target), HttpURLConnection.HTTP_INTERNAL_ERROR)) {
            client.resource(es).create();
            Condition ready = t.awaitReady("app", "False", "HTTP 500");
            assertEquals("SecretSyncedError", ready.reason);
            assertTrue(ready.message.startsWith("Kubernetes API error: HTTP 500 InternalError"), ready.message);
            assertTrue(t.hasEvent("KubernetesAPIError"));
            assertLogged("Kubernetes API error: HTTP 500 InternalError");
            await().atMost(Duration.ofSeconds(40)).until(() -> refusal.refused() > JOSDK_DEFAULT_ATTEMPTS + 1);
            assertEquals(Map.of("keep", "x"), listedData("shared"), "nothing is deleted or changed meanwhile");
        }
        t.awaitReady("app", "True");
        assertEquals(Map.of("keep", "x", "token", "v1"), t.data("shared"));
        assertFalse(
                logs.lines().stream().anyMatch(l -> l.contains("must never be shown")),
                "the API server's text is never logged");
    }

    @Test
    void anInvalidNamespaceRegexMakesTheClusterStoreNotReadyAndItsExternalSecretsFailUntilFixed() {
        ClusterSecretStore store = new ClusterSecretStore();
        store.setMetadata(new ObjectMetaBuilder().withName("regex-" + t.ns).build());
        store.setSpec(fakeStore(t.ns, "unused", entry("token", "v1")).getSpec());
        ClusterSecretStoreCondition condition = new ClusterSecretStoreCondition();
        condition.namespaceRegexes = List.of("(?=lookahead)");
        store.getSpec().conditions = List.of(condition);
        clusterStores.add(store.getMetadata().getName());
        client.resource(store).create();
        ExternalSecret es =
                withData(externalSecret(t.ns, "app", store.getMetadata().getName(), "1h"), "token", "token", null);
        es.getSpec().secretStoreRef =
                new SecretStoreRef(store.getMetadata().getName(), SecretStoreRef.CLUSTER_SECRET_STORE);
        client.resource(es).create();

        String field = "spec.conditions[0].namespaceRegexes[0] is not a valid regular expression";
        Condition storeReady = await().atMost(TestNamespace.WAIT)
                .until(() -> clusterStoreReady(store), c -> c != null && "False".equals(c.status));
        assertEquals("InvalidProviderConfig", storeReady.reason);
        assertTrue(storeReady.message.startsWith(field), storeReady.message);
        t.awaitReady("app", "False", field);
        await().atMost(TestNamespace.WAIT)
                .until(() -> client.v1().events().inNamespace("default").list().getItems().stream()
                        .anyMatch(e -> store.getMetadata()
                                        .getName()
                                        .equals(e.getInvolvedObject().getName())
                                && "InvalidProviderConfig".equals(e.getReason())));
        assertLogged(field);
        assertEquals(null, t.secret("app"));

        io.sluice.testing.Fixtures.editLatest(
                client.resources(ClusterSecretStore.class)
                        .withName(store.getMetadata().getName()),
                s -> {
                    s.getSpec().conditions.get(0).namespaceRegexes = List.of("^" + t.ns + "$");
                    return s;
                });
        t.awaitData("app", Map.of("token", "v1"));
    }

    @Test
    void aForbiddenCredentialsWatchMakesTheStoreNotReadyAndIsRetriedUntilAllowed() {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(t.ns)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64("AKIDWATCH"), "secret-access-key", b64("s3cret")))
                        .build())
                .create();
        String secrets = "/api/v1/namespaces/" + t.ns + "/secrets";
        try (Refusal refusal = RefusedRequests.INSTANCE.refuseGets(
                uri -> uri.getPath().startsWith(secrets)
                        && (uri.getPath().endsWith("/aws-keys")
                                || String.valueOf(uri.getQuery()).contains("aws-keys")),
                HttpURLConnection.HTTP_FORBIDDEN)) {
            client.resource(awsStore("aws")).create();
            Condition ready = await().atMost(TestNamespace.WAIT)
                    .until(() -> storeReady("aws"), c -> c != null && "False".equals(c.status));
            assertEquals("KubernetesAPIError", ready.reason);
            assertTrue(
                    ready.message.contains("could not watch its credentials Secrets: HTTP 403 Forbidden"),
                    ready.message);
            assertTrue(t.hasEvent("KubernetesAPIError"));
            assertLogged("could not watch its credentials Secrets: HTTP 403 Forbidden");
            await().atMost(Duration.ofSeconds(40)).until(() -> refusal.refused() > JOSDK_DEFAULT_ATTEMPTS + 1);
        }
        await().atMost(TestNamespace.WAIT).until(() -> storeReady("aws"), c -> c != null && "True".equals(c.status));
        assertEquals(
                Map.of("access-key", "AKIDWATCH", "secret-access-key", "s3cret"),
                t.data("aws-keys"),
                "the credentials Secret is untouched");
    }

    private void assertLogged(String part) {
        await().atMost(TestNamespace.WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains(part)));
    }

    private static ExternalSecretDataFrom extract(String key) {
        ExternalSecretDataFrom dataFrom = new ExternalSecretDataFrom();
        dataFrom.extract = new RemoteRef();
        dataFrom.extract.key = key;
        return dataFrom;
    }

    private void editStatus(String name, Consumer<ExternalSecretStatus> change) {
        for (int attempt = 1; ; attempt++) {
            ExternalSecret latest = t.es(name);
            change.accept(latest.getStatus());
            try {
                client.resource(latest).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** The Secret's data read by listing, which the refusals of GETs by name do not touch. */
    private Map<String, String> listedData(String name) {
        Secret secret = client.secrets().inNamespace(t.ns).list().getItems().stream()
                .filter(s -> name.equals(s.getMetadata().getName()))
                .findFirst()
                .orElseThrow();
        Map<String, String> result = new HashMap<>();
        SecretData.decode(secret).forEach((k, v) -> result.put(k, new String(v, StandardCharsets.UTF_8)));
        return result;
    }

    private Condition clusterStoreReady(ClusterSecretStore store) {
        ClusterSecretStore latest = client.resources(ClusterSecretStore.class)
                .withName(store.getMetadata().getName())
                .get();
        return latest == null || latest.getStatus() == null
                ? null
                : Conditions.find(latest.getStatus().conditions, Conditions.READY);
    }

    private Condition storeReady(String name) {
        SecretStore store = client.resources(SecretStore.class)
                .inNamespace(t.ns)
                .withName(name)
                .get();
        return store == null || store.getStatus() == null
                ? null
                : Conditions.find(store.getStatus().conditions, Conditions.READY);
    }

    private SecretStore awsStore(String name) {
        return Fixtures.awsStore(t.ns, name);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
