package io.sluice.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.chart.KubernetesCallSites.Call;
import io.sluice.chart.RequiredPermissions.Permission;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link RequiredPermissions} honest: every Kubernetes call found in src/main/java needs a row naming its
 * class, and every class a row names must make such a call. A new call the chart does not grant therefore fails
 * here first, and then in {@link ChartRbacTest} once the row is added.
 */
class KubernetesCallSitesTest {
    private static final Path MAIN = Path.of("src", "main", "java", "io", "sluice");

    @Test
    void everyCallInTheSourcesHasARowNamingItsClassAndEveryRowACall() {
        KubernetesCallSites scan = KubernetesCallSites.scan(MAIN);
        assertEquals(List.of(), scan.problems, "calls the scan cannot attribute");
        // positive control: the scan sees the calls it is meant to see, e.g. edit() as patch, and SDK-made calls
        assertTrue(
                scan.calls.contains(
                        new Call("external-secrets.io", "externalsecrets", "patch", "ClusterExternalSecretReconciler")),
                scan.calls.toString());
        assertTrue(scan.calls.contains(new Call("", "serviceaccounts/token", "create", "ServiceAccountTokens")));
        assertTrue(scan.calls.contains(
                new Call("external-secrets.io", "pushsecrets/status", "patch", "PushSecretReconciler")));

        Set<String> unlisted = new TreeSet<>();
        for (Call call : scan.calls) {
            if (RequiredPermissions.ALL.stream().noneMatch(p -> covers(p, call))) {
                unlisted.add(call.toString());
            }
        }
        Set<String> unfounded = new TreeSet<>();
        for (Permission p : RequiredPermissions.ALL) {
            for (String site : p.callSites()) {
                if (scan.calls.stream().noneMatch(c -> c.callSite().equals(site) && covers(p, c))) {
                    unfounded.add(p.key() + " <- " + site);
                }
            }
        }
        assertTrue(
                unlisted.isEmpty() && unfounded.isEmpty(),
                "RequiredPermissions and the sources disagree:"
                        + "\n  calls no row names (add a row, and the RBAC): " + unlisted
                        + "\n  rows naming a class that makes no such call: " + unfounded);
    }

    @Test
    void theScanAttributesChainsHandlesAndTypedResources() {
        KubernetesCallSites scan = new KubernetesCallSites();
        scan.scanSource("Sample", """
                import io.fabric8.kubernetes.api.model.ConfigMap;
                import io.fabric8.kubernetes.client.KubernetesClient;
                class Sample {
                    private final KubernetesClient client;
                    void run(ConfigMap map, String ns) {
                        client.configMaps().inNamespace(map.getMetadata().getNamespace()).resource(map).update();
                        var one = client.secrets().inNamespace(ns).withName("a");
                        one.watch(null);
                        client.secrets().inNamespace(ns).withLabel("a").inform(null, 0);
                        client.resource(map).delete();
                        // client.pods().list(); a comment is no call
                        String text = "client.pods().list()";
                        client.pods().inNamespace(ns).withName(text).evict();
                    }
                }
                """);

        assertEquals(
                List.of(
                        new Call("", "configmaps", "update", "Sample"),
                        new Call("", "secrets", "watch", "Sample"),
                        new Call("", "secrets", "list", "Sample"),
                        new Call("", "secrets", "watch", "Sample"),
                        new Call("", "configmaps", "delete", "Sample")),
                scan.calls);
        assertEquals(1, scan.problems.size(), scan.problems.toString());
        assertTrue(scan.problems.get(0).contains("evict"), scan.problems.toString());
    }

    private static boolean covers(Permission p, Call call) {
        boolean resource = call.resource().equals(KubernetesCallSites.ANY_OWNER_FINALIZERS)
                ? p.resource().endsWith("/finalizers")
                : p.group().equals(call.group()) && p.resource().equals(call.resource());
        return resource && p.verb().equals(call.verb()) && p.callSites().contains(call.callSite());
    }
}
