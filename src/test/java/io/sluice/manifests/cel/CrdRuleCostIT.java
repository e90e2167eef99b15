package io.sluice.manifests.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.manifests.GeneratedCrds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Prices every CEL rule of the generated CRDs as the API server does when the CRD is applied, and fails where it
 * would refuse the CRD ("estimated rule cost exceeds budget"). A rule's cost is multiplied by the number of
 * times its object can occur in one request: the product of the maxItems/maxProperties above it, or, under an
 * unbounded array or map, as many of the smallest such objects as fit in a request of the largest size.
 */
class CrdRuleCostIT {
    /** apiextensions-apiserver's StaticEstimatedCostLimit, per rule. */
    static final long RULE_BUDGET = 10_000_000;
    /** apiextensions-apiserver's StaticEstimatedCRDCostLimit, for all the rules of a CRD. */
    static final long CRD_BUDGET = 100_000_000;
    /** The API server's largest request body (3 MiB), which bounds the items of an unbounded array. */
    static final long MAX_REQUEST_BYTES = 3 * 1024 * 1024;

    @Test
    void everyRuleHasAConstantCostWithinTheApiServersBudget() {
        List<String> refused = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, JsonNode> crd : GeneratedCrds.byKind().entrySet()) {
            long total = 0;
            for (CrdRule rule : CrdRules.of(crd.getValue())) {
                ConstantCostEstimator.Estimate estimate = ConstantCostEstimator.estimate(rule.rule(), rule.schema());
                if (!estimate.constant()) {
                    refused.add(rule.where()
                            + (rule.unboundedListAbove() == null
                                    ? ""
                                    : " (under the unbounded " + rule.unboundedListAbove() + ")")
                            + ": " + estimate.problems());
                    continue;
                }
                long cardinality = cardinality(rule);
                long cost = estimate.cost() * cardinality;
                total += cost;
                table.append(String.format(
                        "%-22s %-48s cost %2d x %,9d = %,11d%n",
                        crd.getKey(), rule.path(), estimate.cost(), cardinality, cost));
                if (cost > RULE_BUDGET) {
                    refused.add(String.format(
                            "%s: estimated cost %,d exceeds the budget %,d by %.1fx",
                            rule.where(), cost, RULE_BUDGET, (double) cost / RULE_BUDGET));
                }
            }
            if (total > CRD_BUDGET) {
                refused.add(String.format("%s: total estimated cost %,d exceeds %,d", crd.getKey(), total, CRD_BUDGET));
            }
        }
        System.out.print("Estimated CEL rule costs (API server budget " + String.format("%,d", RULE_BUDGET)
                + " per rule):\n" + table);
        assertEquals(List.of(), refused);
    }

    /** Positive control: the walk sees the arrays around the rules, so the budget check above has teeth. */
    @Test
    void rewriteRulesAreSeenUnderTheirUnboundedArrays() {
        List<CrdRule> rewrites = GeneratedCrds.byKind().values().stream()
                .flatMap(crd -> CrdRules.of(crd).stream())
                .filter(r -> r.path().endsWith(".rewrite[]"))
                .toList();
        assertEquals(
                Set.of("spec.dataFrom[]", "spec.externalSecretSpec.dataFrom[]", "spec.dataTo[]"),
                rewrites.stream().map(CrdRule::unboundedListAbove).collect(Collectors.toSet()));
        rewrites.forEach(r -> assertTrue(cardinality(r) > 1_000_000, r.where()));
    }

    static long cardinality(CrdRule rule) {
        if (rule.unboundedListAbove() == null) {
            return rule.boundedCardinality();
        }
        return MAX_REQUEST_BYTES / (minimalSerializedSize(rule.schema()) + 1);
    }

    /** Smaller than or equal to what the API server computes ({} for an object, "" for a string): never cheaper. */
    private static long minimalSerializedSize(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "object", "string", "array" -> 2;
            default -> 1;
        };
    }
}
