package io.sluice.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated CRDs install over ESO's: they keep ESO's retired v1beta1 (a cluster that ran an older ESO lists
 * it in status.storedVersions, and the API server refuses a CRD that drops it), and show the same kubectl
 * surface (the external-secrets category, ESO's printer columns).
 */
class CrdVersionsIT {
    private static final List<String> ESO_V1_KINDS =
            List.of("ExternalSecret", "SecretStore", "ClusterSecretStore", "ClusterExternalSecret");
    private static Map<String, JsonNode> crds;

    @BeforeAll
    static void load() {
        crds = GeneratedCrds.byKind();
    }

    @Test
    void esoV1KindsKeepV1beta1NeitherServedNorStoredWithV1TheOnlyStorageVersion() {
        for (String kind : ESO_V1_KINDS) {
            JsonNode crd = crds.get(kind);
            assertNotNull(crd, kind);
            assertEquals("v1", GeneratedCrds.storageVersion(crd).path("name").asText(), kind);
            JsonNode v1beta1 = version(crd, "v1beta1");
            assertNotNull(v1beta1, kind + " keeps v1beta1");
            assertFalse(v1beta1.path("served").asBoolean(true), kind + " v1beta1 served");
            assertFalse(v1beta1.path("storage").asBoolean(true), kind + " v1beta1 storage");
            assertTrue(v1beta1.path("deprecated").asBoolean(false), kind + " v1beta1 deprecated");
            assertTrue(version(crd, "v1").path("served").asBoolean(false), kind + " v1 served");
            assertEquals(2, crd.at("/spec/versions").size(), kind + " versions");
            assertPreservesEverything(kind, v1beta1.at("/schema/openAPIV3Schema"));
        }
        JsonNode pushSecret = crds.get("PushSecret");
        assertEquals(
                "v1alpha1",
                GeneratedCrds.storageVersion(pushSecret).path("name").asText());
        assertEquals(1, pushSecret.at("/spec/versions").size(), "ESO's PushSecret has no other version");
    }

    /**
     * Structural (every level typed), and nothing pruned: objects still stored as v1beta1 keep their fields
     * until they are rewritten as v1.
     */
    private static void assertPreservesEverything(String kind, JsonNode schema) {
        assertEquals("object", schema.path("type").asText(), kind);
        for (String part : List.of("spec", "status")) {
            JsonNode property = schema.at("/properties/" + part);
            assertEquals("object", property.path("type").asText(), kind + " v1beta1 " + part);
            assertTrue(
                    property.path("x-kubernetes-preserve-unknown-fields").asBoolean(false), kind + " v1beta1 " + part);
        }
    }

    @Test
    void allKindsAreInTheExternalSecretsCategoryAndKeepTheirNames() {
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
        Set<String> generators = Set.of("ECRAuthorizationToken", "STSSessionToken", "Password", "ClusterGenerator");
        Set<String> all = new TreeSet<>(shortNames.keySet());
        all.addAll(generators);
        assertEquals(all, new TreeSet<>(crds.keySet()));
        shortNames.forEach((kind, shortName) -> {
            JsonNode names = crds.get(kind).at("/spec/names");
            assertEquals(List.of("external-secrets"), texts(names.path("categories")), kind);
            assertEquals(List.of(shortName), texts(names.path("shortNames")), kind);
        });
        for (String kind : generators) {
            JsonNode crd = crds.get(kind);
            assertEquals("generators.external-secrets.io", crd.at("/spec/group").asText(), kind);
            assertEquals(
                    List.of("external-secrets", "external-secrets-generators"),
                    texts(crd.at("/spec/names/categories")),
                    kind);
            assertEquals(
                    "v1alpha1", GeneratedCrds.storageVersion(crd).path("name").asText(), kind);
            assertEquals(
                    kind.equals("ClusterGenerator") ? "Cluster" : "Namespaced",
                    crd.at("/spec/scope").asText(),
                    kind);
        }
    }

    @Test
    void esoPrinterColumns() {
        assertColumn("ExternalSecret", "v1", "StoreType", ".spec.secretStoreRef.kind", "string");
        assertColumn("PushSecret", "v1alpha1", "Last Sync", ".status.refreshTime", "date");
    }

    private static void assertColumn(String kind, String versionName, String name, String jsonPath, String type) {
        JsonNode column = null;
        for (JsonNode c : version(crds.get(kind), versionName).path("additionalPrinterColumns")) {
            if (c.path("name").asText().equals(name)) {
                column = c;
            }
        }
        assertNotNull(column, kind + " column " + name);
        assertEquals(jsonPath, column.path("jsonPath").asText(), kind + " " + name);
        assertEquals(type, column.path("type").asText(), kind + " " + name);
        assertEquals(0, column.path("priority").asInt(0), kind + " " + name + " shows without -o wide");
    }

    private static JsonNode version(JsonNode crd, String name) {
        for (JsonNode version : crd.at("/spec/versions")) {
            if (version.path("name").asText().equals(name)) {
                return version;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }
}
