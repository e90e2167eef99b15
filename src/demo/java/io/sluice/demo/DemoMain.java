package io.sluice.demo;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.sluice.dev.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the run command: against the cluster of the kubeconfig when there is one, otherwise against
 * an embedded Kubernetes API with the manifests of {@code examples/demo} applied.
 */
@QuarkusMain
public class DemoMain {
    public static void main(String... args) {
        DemoOptions options = DemoOptions.parse(args);
        if (embeddedWanted()) {
            EmbeddedCluster cluster = EmbeddedCluster.start();
            cluster.becomeDefaultForNewClients();
            System.setProperty("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
            System.setProperty("sluice.leader-election.enabled", "false");
            DemoStartup.options = options;
            System.out.println(
                    "No kubeconfig found: Sluice runs against an embedded Kubernetes API at " + cluster.url());
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        } else if (options.exitWhenSynced()) {
            System.err.println(
                    "--exit-when-synced needs the embedded Kubernetes API: unset KUBECONFIG or set SLUICE_EMBEDDED=true");
            System.exit(2);
        } else {
            System.out.println(
                    "Running against the cluster of your kubeconfig (set SLUICE_EMBEDDED=true to use the embedded one)");
        }
        Quarkus.run(Arrays.stream(args)
                .filter(arg -> !arg.startsWith(DemoOptions.EXIT_WHEN_SYNCED))
                .toArray(String[]::new));
    }

    /** True unless a kubeconfig is at hand (KUBECONFIG or ~/.kube/config) or SLUICE_EMBEDDED=false. */
    private static boolean embeddedWanted() {
        String forced = System.getenv("SLUICE_EMBEDDED");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            return false;
        }
        return !Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }
}
