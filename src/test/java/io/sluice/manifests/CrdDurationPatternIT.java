package io.sluice.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every duration field of the generated CRDs carries a pattern of Go's duration syntax, which the API server
 * checks (with Go's regexp engine, RE2, as here): every duration in ESO's documented manifests passes, and what
 * ESO could never parse, or a negative interval, is refused before Sluice sees it.
 */
class CrdDurationPatternIT {
    private static final Set<String> DURATION_FIELDS = Set.of("refreshInterval", "refreshTime", "retryInterval");
    /** The schema paths expected to carry the pattern, served versions only. */
    private static final Set<String> EXPECTED = Set.of(
            "ExternalSecret v1 spec.refreshInterval",
            "ClusterExternalSecret v1 spec.externalSecretSpec.refreshInterval",
            "ClusterExternalSecret v1 spec.refreshTime",
            "PushSecret v1alpha1 spec.refreshInterval",
            "SecretStore v1 spec.retrySettings.retryInterval",
            "ClusterSecretStore v1 spec.retrySettings.retryInterval");
    /** Durations used in ESO's docs and examples, Go's own examples, and what Sluice writes ("1h0m0s"). */
    private static final List<String> ACCEPTED = List.of(
            "0",
            "0s",
            "15s",
            "1m",
            "1h",
            "1h30m",
            "1h0m0s",
            "10m",
            "5m0s",
            "24h",
            "168h",
            "8760h",
            "300ms",
            "1.5h",
            "2h45m",
            "1m30s",
            "1h15m30.918273645s",
            "100us",
            "100\u00b5s",
            "100\u03bcs",
            "10ns",
            ".5h",
            "1.h",
            "+1h");

    private static final List<String> REFUSED = List.of(
            "",
            "-1h",
            "-0s",
            "1",
            "10",
            "1d",
            "1w",
            "1H",
            "1 h",
            " 1h",
            "1h ",
            "h",
            "1.5",
            "one hour",
            "1h-30m",
            "PT1H",
            "00:10:00",
            "1e3s");

    private static final Map<String, String> stringDurationFields = new TreeMap<>();

    @BeforeAll
    static void load() {
        GeneratedCrds.byKind().forEach((kind, crd) -> {
            for (JsonNode version : crd.at("/spec/versions")) {
                if (version.path("served").asBoolean(false)) {
                    collect(
                            kind + " " + version.path("name").asText(),
                            "",
                            version.at("/schema/openAPIV3Schema/properties/spec"),
                            "spec");
                }
            }
        });
    }

    private static void collect(String where, String parent, JsonNode schema, String path) {
        if (schema.path("type").asText().equals("string") && DURATION_FIELDS.contains(parent)) {
            stringDurationFields.put(where + " " + path, schema.path("pattern").asText(null));
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(e -> collect(where, e.getKey(), e.getValue(), path + "." + e.getKey()));
        if (schema.has("items")) {
            collect(where, parent, schema.get("items"), path + "[]");
        }
    }

    @Test
    void everyStringDurationFieldHasTheGoDurationPattern() {
        assertEquals(EXPECTED, stringDurationFields.keySet());
        Set<String> distinct = new HashSet<>(stringDurationFields.values());
        assertEquals(1, distinct.size(), "one pattern for all: " + stringDurationFields);
    }

    @Test
    void thePatternAcceptsEsoDurationsAndRefusesTheRest() {
        stringDurationFields.forEach((field, source) -> {
            assertFalse(source == null, field + " has no pattern");
            Pattern pattern = Pattern.compile(source);
            for (String duration : ACCEPTED) {
                assertTrue(pattern.matcher(duration).find(), field + " must accept \"" + duration + "\"");
            }
            for (String duration : REFUSED) {
                assertFalse(pattern.matcher(duration).find(), field + " must refuse \"" + duration + "\"");
            }
        });
    }
}
