package io.sluice.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks what the build generated in target/kubernetes: CRD sizes, names and columns, that ESO's documented
 * manifests fit the generated schemas unchanged, and that the RBAC has no wildcard.
 */
class GeneratedManifestsIT {
    private static final Path GENERATED = Path.of("target", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int KUBECTL_APPLY_LIMIT = 262_144;
    private static final Map<String, JsonNode> CRDS_BY_KIND = new HashMap<>();

    @BeforeAll
    static void loadCrds() throws IOException {
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(".external-secrets.io-"))
                    .toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                CRDS_BY_KIND.put(crd.at("/spec/names/kind").asText(), crd);
            }
        }
    }

    static Stream<Path> crdFiles() throws IOException {
        return Files.list(GENERATED)
                .filter(f -> f.getFileName().toString().contains(".external-secrets.io-"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("crdFiles")
    void eachCrdStaysFarBelowTheClientSideApplyLimit(Path crd) throws IOException {
        long size = Files.size(crd);
        System.out.printf("CRD %s: %,d bytes%n", crd.getFileName(), size);
        assertTrue(size < KUBECTL_APPLY_LIMIT / 4, crd + " is " + size + " bytes");
    }

    @Test
    void crdsHaveEsoNamesShortNamesStatusAndColumns() {
        Map<String, String> shortNames = Map.of(
                "ExternalSecret",
                "es",
                "SecretStore",
                "ss",
                "ClusterSecretStore",
                "css",
                "ClusterExternalSecret",
                "ces",
                "PushSecret",
                "ps");
        Map<String, String> versions = Map.of(
                "ExternalSecret",
                "v1",
                "SecretStore",
                "v1",
                "ClusterSecretStore",
                "v1",
                "ClusterExternalSecret",
                "v1",
                "PushSecret",
                "v1alpha1");
        shortNames.forEach((kind, shortName) -> {
            JsonNode crd = CRDS_BY_KIND.get(kind);
            assertNotNull(crd, kind + " CRD generated");
            assertEquals("external-secrets.io", crd.at("/spec/group").asText());
            assertEquals(shortName, crd.at("/spec/names/shortNames/0").asText(), kind);
            JsonNode version = GeneratedCrds.storageVersion(crd);
            assertEquals(versions.get(kind), version.at("/name").asText(), kind);
            assertTrue(version.at("/subresources/status").isObject(), kind + " has the status subresource");
        });
        List<String> esColumns = new ArrayList<>();
        GeneratedCrds.storageVersion(CRDS_BY_KIND.get("ExternalSecret"))
                .path("additionalPrinterColumns")
                .forEach(c -> esColumns.add(c.get("name").asText()));
        assertTrue(
                esColumns.containsAll(List.of("Store", "Refresh Interval", "Status", "Ready")), esColumns.toString());
    }

    @Test
    void esoWebhookChecksAreCelRules() {
        String es = CRDS_BY_KIND.get("ExternalSecret").toString();
        assertTrue(es.contains("either data or dataFrom should be specified"));
        assertTrue(es.contains("deletionPolicy=Delete requires creationPolicy=Owner"));
        assertTrue(es.contains("deletionPolicy=Merge cannot be combined with creationPolicy=None"));
        assertTrue(es.contains("a generatorRef cannot be combined with extract or find"));
        assertTrue(
                CRDS_BY_KIND.get("SecretStore").toString().contains("recoveryWindowInDays must be between 7 and 30"));
        assertTrue(CRDS_BY_KIND.get("PushSecret").toString().contains("exactly one of name or selector must be set"));
    }

    static Stream<Path> examples() throws IOException {
        return Stream.concat(Files.list(Path.of("examples", "aws")), Files.list(Path.of("examples", "demo")))
                .filter(p -> p.toString().endsWith(".yaml"))
                .sorted();
    }

    /** Every field of the manifest must exist in the schema, or the API server would prune or reject it. */
    @ParameterizedTest
    @MethodSource("examples")
    void esoDocumentedManifestsFitTheGeneratedSchemasUnchanged(Path manifest) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(manifest.toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                String kind = doc.get("kind").asText();
                JsonNode crd = CRDS_BY_KIND.get(kind);
                assertNotNull(crd, "no CRD for " + kind);
                JsonNode schema = GeneratedCrds.storageVersion(crd).at("/schema/openAPIV3Schema");
                List<String> problems = new ArrayList<>();
                checkAgainstSchema(doc.get("spec"), schema.at("/properties/spec"), "spec", problems);
                assertEquals(List.of(), problems, manifest.toString());
            }
        }
    }

    private static void checkAgainstSchema(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.isMissingNode()) {
            problems.add(path + ": not in the schema");
            return;
        }
        if (value.isObject()) {
            boolean preserve =
                    schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            value.fields().forEachRemaining(e -> {
                if (properties.has(e.getKey())) {
                    checkAgainstSchema(e.getValue(), properties.get(e.getKey()), path + "." + e.getKey(), problems);
                } else if (additional.isObject()) {
                    checkAgainstSchema(e.getValue(), additional, path + "." + e.getKey(), problems);
                } else if (!preserve) {
                    problems.add(path + "." + e.getKey() + ": not in the schema");
                }
            });
        } else if (value.isArray()) {
            value.forEach(item -> checkAgainstSchema(item, schema.path("items"), path + "[]", problems));
        } else if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(v -> allowed.add(v.asText()));
            if (!allowed.contains(value.asText())) {
                problems.add(path + ": " + value.asText() + " not in " + allowed);
            }
        }
    }

    @Test
    void rbacCoversWhatSluiceUsesWithoutWildcards() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory()
                .createParser(GENERATED.resolve("kubernetes.yml").toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (Set.of("ClusterRole", "Role").contains(doc.path("kind").asText())) {
                    doc.path("rules").forEach(rules::add);
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        for (JsonNode rule : rules) {
            for (String field : List.of("apiGroups", "resources", "verbs")) {
                rule.path(field).forEach(v -> {
                    if (v.asText().equals("*")) {
                        fail("wildcard in " + rule);
                    }
                });
            }
            summary.append(rule.path("apiGroups"))
                    .append(' ')
                    .append(rule.path("resources"))
                    .append(' ')
                    .append(rule.path("verbs"))
                    .append('\n');
        }
        System.out.print("RBAC rules:\n" + summary);
        assertTrue(allows(rules, "", "secrets", "create"));
        assertTrue(allows(rules, "", "secrets", "watch"));
        assertTrue(allows(rules, "", "configmaps", "get"));
        assertTrue(allows(rules, "", "events", "create"));
        assertTrue(allows(rules, "", "namespaces", "watch"));
        assertTrue(allows(rules, "", "serviceaccounts/token", "create"));
        assertTrue(allows(rules, "coordination.k8s.io", "leases", "update"));
        assertTrue(allows(rules, "external-secrets.io", "externalsecrets/status", "patch"));
        assertFalse(allows(rules, "", "pods", "get"), "nothing Sluice does not use");
    }

    private static boolean allows(List<JsonNode> rules, String group, String resource, String verb) {
        return rules.stream()
                .anyMatch(r -> contains(r.path("apiGroups"), group)
                        && contains(r.path("resources"), resource)
                        && contains(r.path("verbs"), verb));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
