package io.sluice.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code templateFrom[].target} is case-insensitive in ESO (its controller lower-cases the value), so the generated
 * CRDs must let {@code data} or {@code Labels} through: a string with a pattern, checked here with RE2 as the API
 * server checks it, instead of an enum of three exact spellings.
 */
class CrdTemplateTargetIT {
    private static final Set<String> EXPECTED = Set.of(
            "ExternalSecret v1 spec.target.template.templateFrom[].target",
            "ClusterExternalSecret v1 spec.externalSecretSpec.target.template.templateFrom[].target",
            "PushSecret v1alpha1 spec.template.templateFrom[].target");
    private static final List<String> ACCEPTED =
            List.of("Data", "data", "DATA", "Annotations", "annotations", "Labels", "labels", "lAbElS");
    private static final List<String> REFUSED = List.of("", "spec", "spec.data", "Datas", " data", "data ", "label");

    private static final Map<String, JsonNode> targets = new TreeMap<>();

    @BeforeAll
    static void load() {
        GeneratedCrds.byKind().forEach((kind, crd) -> {
            for (JsonNode version : crd.at("/spec/versions")) {
                if (version.path("served").asBoolean(false)) {
                    collect(
                            kind + " " + version.path("name").asText(),
                            version.at("/schema/openAPIV3Schema/properties/spec"),
                            "spec");
                }
            }
        });
    }

    private static void collect(String where, JsonNode schema, String path) {
        if (path.endsWith("templateFrom[].target")) {
            targets.put(where + " " + path, schema);
        }
        schema.path("properties").fields().forEachRemaining(e -> collect(where, e.getValue(), path + "." + e.getKey()));
        if (schema.has("items")) {
            collect(where, schema.get("items"), path + "[]");
        }
    }

    @Test
    void everyTemplateTargetIsAPatternedStringWithoutEnum() {
        assertEquals(EXPECTED, targets.keySet());
        targets.forEach((field, schema) -> {
            assertEquals("string", schema.path("type").asText(), field);
            assertFalse(schema.has("enum"), field + " must not be an enum of exact spellings");
        });
    }

    @Test
    void thePatternAcceptsEveryCaseAndRefusesOtherTargets() {
        targets.forEach((field, schema) -> {
            Pattern pattern = Pattern.compile(schema.path("pattern").asText());
            ACCEPTED.forEach(t -> assertTrue(pattern.matcher(t).find(), field + " must accept \"" + t + "\""));
            REFUSED.forEach(t -> assertFalse(pattern.matcher(t).find(), field + " must refuse \"" + t + "\""));
        });
    }
}
