package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code sluice.kubernetes.client-qps} and {@code client-burst} pace both the client Quarkus injects and the
 * clients JOSDK builds for its controllers and informers (from Config.autoConfigure, not the injected one): a
 * burst of N requests through either takes at least (N - burst) / QPS.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(KubernetesClientQpsTest.Paced.class)
class KubernetesClientQpsTest {
    private static final int QPS = 20;
    private static final int BURST = 5;
    private static final int REQUESTS = 60;

    public static class Paced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sluice.kubernetes.client-qps",
                    String.valueOf(QPS),
                    "sluice.kubernetes.client-burst",
                    String.valueOf(BURST));
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    Operator operator;

    @Test
    void theInjectedClientIsPaced() {
        assertPaced(client);
    }

    @Test
    void theClientJosdkBuildsForTheControllersIsPaced() {
        try (KubernetesClient controllers = operator.getConfigurationService().getKubernetesClient()) {
            assertPaced(controllers);
        }
    }

    private static void assertPaced(KubernetesClient kubernetes) {
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            kubernetes.secrets().inNamespace("paced").withName("absent-" + i).get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double floor = (double) (REQUESTS - BURST) / QPS;
        assertTrue(seconds >= floor, REQUESTS + " requests took " + seconds + " s, less than " + floor + " s");
    }
}
