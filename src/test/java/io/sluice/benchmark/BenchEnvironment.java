package io.sluice.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.sluice.testing.aws.EmulatorResource;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the benchmark runs Sluice: the in-process CRUD test API server and AWS emulator by default, or the cluster
 * of {@code -Dbench.kubeconfig} (CRDs installed) and the Secrets Manager of {@code -Dbench.aws-endpoint} (moto,
 * LocalStack; static keys from {@code -Dbench.aws-access-key}/{@code -Dbench.aws-secret-key}, default "test").
 * Before Sluice starts it creates the cold-start fleet ({@link Fleet}), so those ExternalSecrets are there, unsynced,
 * when the controllers start. {@code -Dbench.client-qps}/{@code -Dbench.client-burst} override Sluice's limiter.
 */
public class BenchEnvironment implements QuarkusTestResourceLifecycleManager {
    static final String COLD_READY_FROM = "bench.cold.created-at-nanos";

    private KubernetesServer server;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String kubeconfig = System.getProperty("bench.kubeconfig");
        if (kubeconfig != null) {
            System.setProperty("kubeconfig", kubeconfig);
        } else {
            server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
            server.before();
            Map<String, String> kube = Map.of(
                    "kubernetes.master",
                    server.getClient().getConfiguration().getMasterUrl(),
                    "kubernetes.trust.certificates",
                    "true",
                    "kubernetes.auth.tryKubeConfig",
                    "false",
                    "kubernetes.auth.tryServiceAccount",
                    "false",
                    "kubernetes.namespace",
                    "default",
                    "http2.disable",
                    "true");
            kube.forEach(System::setProperty);
            config.putAll(kube);
        }
        String endpoint = System.getProperty("bench.aws-endpoint");
        if (endpoint
                == null) { // the emulator EmulatorResource shares with every @QuarkusTest (it configures Sluice too)
            endpoint = new EmulatorResource().start().get("sluice.aws.secrets-manager-endpoint");
        }
        config.put("sluice.aws.secrets-manager-endpoint", endpoint);
        config.put("sluice.aws.sts-endpoint", endpoint);
        for (String setting : List.of("client-qps", "client-burst", "reconcile-threads")) {
            String value = System.getProperty("bench." + setting);
            if (value != null) {
                config.put("sluice.kubernetes." + setting, value);
            }
        }
        try (KubernetesClient driver = Fleet.driverClient()) {
            Fleet fleet = new Fleet(driver, URI.create(endpoint));
            fleet.seedRemoteSecrets();
            fleet.createExternalSecrets(Fleet.COLD, Fleet.SIZE);
        }
        System.setProperty(COLD_READY_FROM, Long.toString(System.nanoTime()));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.after();
        }
    }
}
