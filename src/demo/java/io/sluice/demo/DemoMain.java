package io.sluice.demo;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the run command: against the cluster of the kubeconfig when there is one, otherwise against
 * an embedded Kubernetes API with the manifests of {@code examples/demo} applied.
 */
@QuarkusMain
public class DemoMain {
    public static void main(String... args) throws Exception {
        if (EmbeddedCluster.wanted()) {
            EmbeddedCluster cluster = EmbeddedCluster.start();
            System.setProperty("quarkus.kubernetes-client.api-server-url", cluster.url());
            System.setProperty("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
            System.setProperty("quarkus.kubernetes-client.namespace", "default");
            System.setProperty("sluice.leader-election.enabled", "false");
            DemoShowcase.enabled = true;
            System.out.println("No kubeconfig found: Sluice runs against an embedded Kubernetes API at " + cluster.url());
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
        } else {
            System.out.println("Running against the cluster of your kubeconfig (set SLUICE_EMBEDDED=true to use the embedded one)");
        }
        Quarkus.run(args);
    }
}
