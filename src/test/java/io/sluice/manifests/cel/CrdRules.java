package io.sluice.manifests.cel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every CEL rule of a CRD's schemas, with the arrays and maps that enclose it. */
public final class CrdRules {
    private CrdRules() {}

    public static List<CrdRule> of(JsonNode crd) {
        List<CrdRule> rules = new ArrayList<>();
        String name = crd.at("/metadata/name").asText();
        for (JsonNode version : crd.at("/spec/versions")) {
            walk(name, version.path("name").asText(), version.at("/schema/openAPIV3Schema"), "", null, 1, rules);
        }
        return rules;
    }

    private static void walk(
            String crd,
            String version,
            JsonNode schema,
            String path,
            String unboundedAbove,
            long cardinality,
            List<CrdRule> rules) {
        for (JsonNode validation : schema.path("x-kubernetes-validations")) {
            if (validation.has("messageExpression")) {
                throw new IllegalStateException(
                        crd + " " + path + ": messageExpression has its own cost; price it here");
            }
            rules.add(new CrdRule(
                    crd,
                    version,
                    path.isEmpty() ? "<root>" : path,
                    validation.path("rule").asText(),
                    validation.path("message").asText(),
                    schema,
                    unboundedAbove,
                    cardinality));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            walk(
                    crd,
                    version,
                    property.getValue(),
                    path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
                    unboundedAbove,
                    cardinality,
                    rules);
        }
        if (schema.path("items").isObject()) {
            String itemsPath = path + "[]";
            walk(
                    crd,
                    version,
                    schema.get("items"),
                    itemsPath,
                    enclosing(schema, "maxItems", itemsPath, unboundedAbove),
                    cardinality * schema.path("maxItems").asLong(1),
                    rules);
        }
        if (schema.path("additionalProperties").isObject()) {
            String valuesPath = path + "[*]";
            walk(
                    crd,
                    version,
                    schema.get("additionalProperties"),
                    valuesPath,
                    enclosing(schema, "maxProperties", valuesPath, unboundedAbove),
                    cardinality * schema.path("maxProperties").asLong(1),
                    rules);
        }
    }

    private static String enclosing(JsonNode schema, String bound, String path, String unboundedAbove) {
        if (unboundedAbove != null || schema.has(bound)) {
            return unboundedAbove;
        }
        return path;
    }
}
