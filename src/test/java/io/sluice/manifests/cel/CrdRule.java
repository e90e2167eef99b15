package io.sluice.manifests.cel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code x-kubernetes-validations} rule of a generated CRD.
 *
 * @param crd the CRD's name
 * @param version the CRD version whose schema holds the rule
 * @param path where the rule sits in the schema, e.g. {@code spec.dataFrom[].rewrite[]}
 * @param schema the schema of the value the rule sees as {@code self}
 * @param unboundedListAbove the first array or map above the rule that declares no maxItems/maxProperties, or null
 * @param boundedCardinality the product of the maxItems/maxProperties of the arrays and maps above the rule
 */
public record CrdRule(
        String crd,
        String version,
        String path,
        String rule,
        String message,
        JsonNode schema,
        String unboundedListAbove,
        long boundedCardinality) {

    public String where() {
        return crd + " " + version + " " + path + ": " + rule;
    }
}
