package io.sluice.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class HealthEndpointTest {

    @Test
    void readyOnceEveryControllerStartedAndItsCachesSynced() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", equalTo(List.of(ControllersReadinessCheck.NAME)))
                .body("checks.find { it.name == '" + ControllersReadinessCheck.NAME + "' }.status", equalTo("UP"))
                .body(
                        "checks.find { it.name == '" + ControllersReadinessCheck.NAME + "' }.data.externalsecret",
                        equalTo("synced"))
                .body(
                        "checks.find { it.name == '" + ControllersReadinessCheck.NAME + "' }.data.secretstore",
                        equalTo("synced"))
                .body(
                        "checks.find { it.name == '" + ControllersReadinessCheck.NAME + "' }.data.clustersecretstore",
                        equalTo("synced"))
                .body(
                        "checks.find { it.name == '" + ControllersReadinessCheck.NAME + "' }.data.leadership",
                        equalTo("not_elected"));
    }

    @Test
    void alive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
