package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class StartupSummaryTest {

    @Inject
    StartupSummary summary;

    @Test
    void summarisesHowThisReplicaRunsWithoutCredentials() {
        String line = summary.line();

        assertTrue(line.contains("controller-class=default"), line);
        assertTrue(line.contains("externalsecret=all namespaces"), line);
        assertTrue(line.contains("secretstore=all namespaces"), line);
        assertTrue(line.contains("leader-election=off"), line);
        assertTrue(line.contains("reconcile-threads=10"), line);
        assertTrue(line.contains("/q/metrics") && line.contains("/q/health/ready"), line);
        assertFalse(
                line.toLowerCase().contains("secretaccesskey")
                        || line.toLowerCase().contains("password"),
                line);
    }
}
