package io.sluice.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (the native executable with -Dnative, else the jar) against the Kubernetes test
 * server: it starts, is ready, and exports ESO's metric families. Run by the native CI job.
 */
@QuarkusIntegrationTest
@WithKubernetesTestServer(crud = true)
@TestProfile(PackagedAppIT.SingleReplica.class)
class PackagedAppIT {

    /** One replica against a test server that cannot answer the Lease permission review. */
    public static class SingleReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sluice.leader-election.enabled", "false");
        }
    }

    @Test
    void readyAndExportingEsoMetricFamilies() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("text/plain; version=0.0.4")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("# TYPE externalsecret_provider_api_calls_count untyped"))
                .body(containsString("# TYPE externalsecret_sync_calls_error untyped"))
                .body(not(containsString("externalsecret_provider_api_calls_count_total")));
    }
}
