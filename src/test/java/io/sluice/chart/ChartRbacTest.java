package io.sluice.chart;

import static io.sluice.chart.ChartFiles.CHART;
import static io.sluice.chart.GrantedPermissions.EVERYWHERE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.sluice.chart.GrantedPermissions.Grant;
import io.sluice.chart.RequiredPermissions.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The committed chart through the real Helm engine (helm-java: Helm's Go code, loaded as a native library):
 * {@code helm lint}, then {@code helm template} in both install modes, and the RBAC it renders compared with the
 * reviewed table of what the code needs ({@link RequiredPermissions}), both ways: nothing missing, nothing more.
 */
@Tag("slow")
class ChartRbacTest {
    private static final String RELEASE_NAMESPACE = "sluice-system";
    private static final String SERVICE_ACCOUNT = "sluice";
    private static final List<String> SCOPED = List.of("team-a", "team-b");
    private static final List<String> WATCHING_CONTROLLERS = List.of("EXTERNALSECRET", "SECRETSTORE", "PUSHSECRET");

    @Test
    void helmLintPasses() throws IOException {
        LintResult lint = new Helm(CHART).lint().call();

        String report = "helm lint " + CHART + (lint.isFailed() ? ": FAILED" : ": passed") + "\n"
                + lint.getMessages().stream().map(m -> "  " + m + "\n").collect(Collectors.joining());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "helm-lint.txt"), report);
        System.out.print(report);
        assertFalse(lint.isFailed(), report);
    }

    @Test
    void clusterWideInstallGrantsWhatTheCodeNeedsAndNoMore() throws IOException {
        List<JsonNode> manifests = render(Map.of());

        assertWatchedNamespaces(manifests, "JOSDK_ALL_NAMESPACES");
        assertGrantsExactly(required(List.of()), manifests);
    }

    @Test
    void namespacedInstallGrantsWhatTheCodeNeedsInTheWatchedNamespacesAndNoMore() throws IOException {
        // a values file: helm-java's set() passes "{a,b}" as a string, not as --set's list syntax
        Path values = Files.createTempFile(Files.createDirectories(Path.of("target")), "scoped-values", ".yaml");
        Files.writeString(values, "scopedNamespaces: [" + String.join(", ", SCOPED) + "]\n");
        List<JsonNode> manifests = render(Map.of(), values);

        assertWatchedNamespaces(manifests, String.join(",", SCOPED));
        GrantedPermissions granted = GrantedPermissions.of(manifests, SERVICE_ACCOUNT, RELEASE_NAMESPACE);
        assertFalse(
                granted.grants.contains(new Grant("", "secrets", "get", EVERYWHERE)),
                "no cluster-wide Secret access in a namespaced install");
        assertGrantsExactly(required(SCOPED), manifests);
    }

    @Test
    void optionalResourcesRender() throws IOException {
        List<JsonNode> manifests = render(Map.of(
                "serviceMonitor.enabled",
                "true",
                "podDisruptionBudget.enabled",
                "true",
                "grafanaDashboard.enabled",
                "true"));

        Set<String> kinds = manifests.stream().map(d -> d.path("kind").asText()).collect(Collectors.toSet());
        assertTrue(
                kinds.containsAll(Set.of("ServiceMonitor", "PodDisruptionBudget", "ConfigMap", "Deployment")),
                kinds.toString());
    }

    /** What the table requires, as grants: cluster-wide, per watched namespace, or in the release namespace. */
    private static Set<Grant> required(List<String> scopedNamespaces) {
        Set<Grant> required = new TreeSet<>();
        for (Permission p : RequiredPermissions.ALL) {
            List<String> where = switch (p.scope()) {
                case CLUSTER -> List.of(EVERYWHERE);
                case WATCHED -> scopedNamespaces.isEmpty() ? List.of(EVERYWHERE) : scopedNamespaces;
                case RELEASE -> List.of(RELEASE_NAMESPACE);
            };
            where.forEach(w -> required.add(new Grant(p.group(), p.resource(), p.verb(), w)));
        }
        return required;
    }

    private static void assertGrantsExactly(Set<Grant> required, List<JsonNode> manifests) {
        GrantedPermissions granted = GrantedPermissions.of(manifests, SERVICE_ACCOUNT, RELEASE_NAMESPACE);
        Set<Grant> missing = new TreeSet<>();
        for (Grant need : required) {
            if (!granted.grants.contains(need) && !granted.grants.contains(everywhere(need))) {
                missing.add(need);
            }
        }
        Set<Grant> superfluous = new TreeSet<>();
        for (Grant grant : granted.grants) {
            if (!required.contains(grant) && !required.contains(everywhere(grant))) {
                superfluous.add(grant);
            }
        }
        assertTrue(
                missing.isEmpty() && superfluous.isEmpty() && granted.problems.isEmpty(),
                "the chart's RBAC differs from RequiredPermissions:\n  missing (under-privileged): " + missing
                        + "\n  not needed (over-privileged): " + superfluous
                        + "\n  RBAC this check cannot judge: " + granted.problems);
    }

    private static Grant everywhere(Grant g) {
        return new Grant(g.group(), g.resource(), g.verb(), EVERYWHERE);
    }

    /** The controllers the table's WATCHED rows stand for watch exactly the namespaces the RBAC is checked in. */
    private static void assertWatchedNamespaces(List<JsonNode> manifests, String expected) {
        JsonNode deployment = manifests.stream()
                .filter(d -> d.path("kind").asText().equals("Deployment"))
                .findFirst()
                .orElseThrow();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertEquals(SERVICE_ACCOUNT, pod.path("serviceAccountName").asText(), "the pod runs as the bound account");
        assertTrue(
                manifests.stream()
                        .anyMatch(d -> d.path("kind").asText().equals("ServiceAccount")
                                && d.path("metadata").path("name").asText().equals(SERVICE_ACCOUNT)),
                "the ServiceAccount is rendered");
        Map<String, String> env = new TreeMap<>();
        pod.path("containers")
                .get(0)
                .path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        for (String controller : WATCHING_CONTROLLERS) {
            assertEquals(
                    expected, env.get("QUARKUS_OPERATOR_SDK_CONTROLLERS_" + controller + "_NAMESPACES"), controller);
        }
        for (String cluster : List.of("CLUSTEREXTERNALSECRET", "CLUSTERSECRETSTORE")) {
            assertEquals(
                    "JOSDK_ALL_NAMESPACES", env.get("QUARKUS_OPERATOR_SDK_CONTROLLERS_" + cluster + "_NAMESPACES"));
        }
    }

    private static List<JsonNode> render(Map<String, String> values, Path... valuesFiles) throws IOException {
        TemplateCommand template = new Helm(CHART).template().withName("sluice").withNamespace(RELEASE_NAMESPACE);
        values.forEach(template::set);
        for (Path file : valuesFiles) {
            template.withValuesFile(file);
        }
        return ChartFiles.yamlDocuments(template.call());
    }
}
