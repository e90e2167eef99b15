package io.sluice.manifests.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The estimator prices the constant-cost subset of CEL as Kubernetes does and refuses to price the rest. */
class ConstantCostEstimatorTest {
    private static final JsonNode SCHEMA = schema("""
            type: object
            properties:
              a: {type: object}
              b: {type: object}
              c: {type: object}
              name: {type: string}
              other: {type: string}
              shortName: {type: string, maxLength: 100}
              shortOther: {type: string, maxLength: 40}
              days: {type: integer}
              labels: {type: object, additionalProperties: {type: string}}
              items: {type: array, items: {type: string}}
            """);

    @Test
    void pricesFieldAccessPresenceLogicAndComparisonsWithLiterals() {
        // has() costs its operand (self: 1); != of two booleans costs 1
        assertCost(3, "has(self.a) != has(self.b)");
        // three conditionals of 1, two additions, one comparison with an int
        assertCost(6, "(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) + (has(self.c) ? 1 : 0) == 1");
        // select self.a costs 2 under has(); each ! costs 1
        assertCost(9, "!has(self.a) || !has(self.a.x) || (!has(self.b) && !has(self.c))");
        // self.days: 2, >= 7: 1
        assertCost(6, "self.days >= 7 && self.days <= 30");
        // a string field against a 29-character literal: ceil(2.9) = 3, plus the field: 2
        assertCost(5, "self.name != 'bootstrap.kubernetes.io/token'");
        // two bounded strings: the shorter bound, ceil(40 * 0.1) = 4, plus both fields
        assertCost(8, "self.shortName == self.shortOther");
        // membership in a map is a hash lookup
        assertCost(3, "'team' in self.labels");
    }

    @Test
    void refusesWhatCostsMoreWithTheSizeOfTheData() {
        assertProblem("[has(self.a), has(self.b)].filter(x, x).size() == 1", "list literal");
        assertProblem("[has(self.a), has(self.b)].filter(x, x).size() == 1", "macro");
        assertProblem("self.items.all(i, i != '')", "macro");
        assertProblem("self.name == self.other", "unbounded size");
        assertProblem("self.name + 'x' == 'yx'", "concatenation");
        assertProblem("'x' in self.items", "not a map");
        assertProblem("self.name.matches('^a+$')", "calls matches");
        assertProblem("{'a': 1}.size() == 1", "map literal");
    }

    private static void assertCost(long expected, String rule) {
        ConstantCostEstimator.Estimate estimate = ConstantCostEstimator.estimate(rule, SCHEMA);
        assertEquals(java.util.List.of(), estimate.problems(), rule);
        assertEquals(expected, estimate.cost(), rule);
    }

    private static void assertProblem(String rule, String expected) {
        ConstantCostEstimator.Estimate estimate = ConstantCostEstimator.estimate(rule, SCHEMA);
        assertTrue(
                estimate.problems().stream().anyMatch(p -> p.contains(expected)),
                rule + " should be refused with '" + expected + "': " + estimate.problems());
    }

    private static JsonNode schema(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
