package io.sluice.metrics;

import static io.restassured.RestAssured.given;
import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.ExternalSecret;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from /q/metrics: ESO's exact names and labels, and nothing of the secrets. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class MetricsEndpointTest {
    private static final String CANARY_KEY = "canary-key-7f3a";
    private static final String CANARY_VALUE = "canary-value-91bc";

    @Inject
    KubernetesClient client;

    @Inject
    ProviderCallMetrics providerCalls;

    /** Without a preference, Quarkus answers in OpenMetrics; Prometheus can also ask for the classic text format. */
    private static final String ANY = "*/*";

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4";

    private final String ns = "m-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aSyncIsExportedUnderEsoNamesAndLabels() {
        client.resource(fakeStore(ns, "fake", entry("remote-" + CANARY_KEY, CANARY_VALUE)))
                .create();
        client.resource(withData(externalSecret(ns, "app", "fake", "1h"), CANARY_KEY, "remote-" + CANARY_KEY, null))
                .create();
        providerCalls.record("AWS/SecretsManager", "GetSecretValue", true);

        Scrape scrape = awaitScrape(s -> s.find(
                                "externalsecret_status_condition",
                                "namespace",
                                ns,
                                "name",
                                "app",
                                "condition",
                                "Ready",
                                "status",
                                "True")
                        .isPresent()
                && s.find("externalsecret_sync_calls_total", "namespace", ns, "name", "app")
                        .isPresent());

        writeEvidence(scrape);
        assertEquals(1, scrape.value("externalsecret_sync_calls_total", "namespace", ns, "name", "app"));
        assertEquals(
                Set.of("name", "namespace"),
                scrape.find("externalsecret_sync_calls_total", "namespace", ns, "name", "app")
                        .orElseThrow()
                        .labels()
                        .keySet());
        assertEquals(
                0,
                scrape.value(
                        "externalsecret_status_condition",
                        "namespace",
                        ns,
                        "name",
                        "app",
                        "condition",
                        "Ready",
                        "status",
                        "False"));
        assertTrue(scrape.value("externalsecret_reconcile_duration", "namespace", ns, "name", "app") > 0);
        assertEquals(
                1,
                scrape.value(
                        "secretstore_status_condition",
                        "namespace",
                        ns,
                        "name",
                        "fake",
                        "condition",
                        "Ready",
                        "status",
                        "True"));
        assertTrue(scrape.value("secretstore_reconcile_duration", "namespace", ns, "name", "fake") > 0);
        double lastSync =
                scrape.value("externalsecret_last_successful_sync_timestamp_seconds", "namespace", ns, "name", "app");
        assertTrue(Math.abs(System.currentTimeMillis() / 1000.0 - lastSync) < 120, "unix seconds: " + lastSync);
        assertTrue(scrape.value(
                        "externalsecret_provider_api_calls_count",
                        "provider",
                        "AWS/SecretsManager",
                        "call",
                        "GetSecretValue",
                        "status",
                        "success")
                >= 1);
        assertEquals("counter", scrape.type("externalsecret_sync_calls_total").orElseThrow());
        assertEquals(
                "untyped",
                scrape.type("externalsecret_provider_api_calls_count").orElseThrow());
        assertEquals("gauge", scrape.type("externalsecret_status_condition").orElseThrow());

        Scrape openMetrics = Scrape.parse(given().accept(ANY)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertTrue(openMetrics.text().contains("# EOF"), "an OpenMetrics exposition");
        assertEquals(
                1,
                openMetrics.value("externalsecret_sync_calls_total", "namespace", ns, "name", "app"),
                "OpenMetrics scrapes see the same sample names");
        assertTrue(openMetrics.value(
                        "externalsecret_provider_api_calls_count",
                        "provider",
                        "AWS/SecretsManager",
                        "call",
                        "GetSecretValue",
                        "status",
                        "success")
                >= 1);

        assertFalse(scrape.text().contains("externalsecret_provider_api_calls_count_total"), scrape.text());
        assertFalse(scrape.text().contains(CANARY_KEY), "secret keys never appear in metrics");
        assertFalse(scrape.text().contains(CANARY_VALUE), "secret values never appear in metrics");
    }

    @Test
    void aFailedSyncCountsAnErrorUnderTheExactEsoName() {
        client.resource(withData(externalSecret(ns, "broken", "nowhere", "1h"), "k", "v", null))
                .create();

        Scrape scrape = awaitScrape(s -> s.find("externalsecret_sync_calls_error", "namespace", ns, "name", "broken")
                .isPresent());

        assertTrue(scrape.value("externalsecret_sync_calls_error", "namespace", ns, "name", "broken") >= 1);
        assertEquals(
                1,
                scrape.value(
                        "externalsecret_status_condition",
                        "namespace",
                        ns,
                        "name",
                        "broken",
                        "condition",
                        "Ready",
                        "status",
                        "False"));
        assertEquals(
                0,
                scrape.value(
                        "externalsecret_status_condition",
                        "namespace",
                        ns,
                        "name",
                        "broken",
                        "condition",
                        "Ready",
                        "status",
                        "True"));
        assertFalse(scrape.text().contains("externalsecret_sync_calls_error_total"), scrape.text());
        assertEquals("untyped", scrape.type("externalsecret_sync_calls_error").orElseThrow());
        assertTrue(
                scrape.find("externalsecret_last_successful_sync_timestamp_seconds", "namespace", ns, "name", "broken")
                        .isEmpty(),
                "a resource that never synced has no last-success time");
    }

    @Test
    void theSeriesOfADeletedExternalSecretAreRemoved() {
        client.resource(fakeStore(ns, "fake", entry("token", "abc"))).create();
        client.resource(withData(externalSecret(ns, "gone", "fake", "1h"), "token", "token", null))
                .create();
        awaitScrape(
                s -> s.find("externalsecret_last_successful_sync_timestamp_seconds", "namespace", ns, "name", "gone")
                        .isPresent());

        client.resources(ExternalSecret.class).inNamespace(ns).withName("gone").delete();

        Scrape scrape = awaitScrape(s -> s.samples().stream()
                .noneMatch(sample -> ns.equals(sample.labels().get("namespace"))
                        && "gone".equals(sample.labels().get("name"))));
        assertTrue(
                scrape.find(
                                "secretstore_status_condition",
                                "namespace",
                                ns,
                                "name",
                                "fake",
                                "condition",
                                "Ready",
                                "status",
                                "True")
                        .isPresent(),
                "the store's series stay");
    }

    /** The scrape after a test sync, kept in target/ as evidence of what Prometheus sees. */
    private static void writeEvidence(Scrape scrape) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics-scrape.txt"), scrape.text());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Scrape awaitScrape(java.util.function.Predicate<Scrape> ready) {
        Scrape[] last = new Scrape[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = Scrape.parse(given().accept(TEXT_FORMAT)
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            return ready.test(last[0]);
        });
        return last[0];
    }
}
