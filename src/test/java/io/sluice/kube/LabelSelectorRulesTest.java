package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Label selectors are judged the way the API server judges them (apimachinery's ValidateLabelSelector). */
class LabelSelectorRulesTest {
    private static final String NAME_RULE = "name must be 1 to 63 characters of letters, digits, '-', '_' or '.', "
            + "starting and ending with a letter or digit";
    private static final String VALUE_RULE = "must be empty or 1 to 63 characters of letters, digits, '-', '_' or '.', "
            + "starting and ending with a letter or digit";

    static Stream<Arguments> expressions() {
        String x = "s.matchExpressions[0]";
        return Stream.of(
                // key, operator, values, expected problems
                Arguments.of("team", "In", List.of("a", "b"), List.of()),
                Arguments.of("team", "NotIn", List.of("a"), List.of()),
                Arguments.of("team", "Exists", List.of(), List.of()),
                Arguments.of("team", "DoesNotExist", null, List.of()),
                Arguments.of("example.com/team", "In", List.of("a"), List.of()),
                Arguments.of(
                        "team",
                        "in",
                        List.of("a"),
                        List.of(x + ".operator: \"in\" is not supported; use In, NotIn, "
                                + "Exists or DoesNotExist (exactly)")),
                Arguments.of(
                        "team",
                        "exists",
                        List.of(),
                        List.of(x + ".operator: \"exists\" is not supported; use In, "
                                + "NotIn, Exists or DoesNotExist (exactly)")),
                Arguments.of(
                        "team",
                        "Gt",
                        List.of("1"),
                        List.of(x + ".operator: \"Gt\" is not supported; use In, NotIn, "
                                + "Exists or DoesNotExist (exactly)")),
                Arguments.of(
                        "team",
                        null,
                        List.of("a"),
                        List.of(x + ".operator: \"null\" is not supported; use In, NotIn, "
                                + "Exists or DoesNotExist (exactly)")),
                Arguments.of("team", "In", List.of(), List.of(x + ".values: required when operator is In or NotIn")),
                Arguments.of("team", "NotIn", null, List.of(x + ".values: required when operator is In or NotIn")),
                Arguments.of(
                        "team",
                        "Exists",
                        List.of("a"),
                        List.of(x + ".values: must be empty when operator is Exists " + "or DoesNotExist")),
                Arguments.of("", "Exists", null, List.of(x + ".key: must not be empty")),
                Arguments.of("-team", "Exists", null, List.of(x + ".key: " + NAME_RULE)),
                Arguments.of("t".repeat(64), "Exists", null, List.of(x + ".key: " + NAME_RULE)),
                Arguments.of(
                        "Example.com/team",
                        "Exists",
                        null,
                        List.of(x + ".key: prefix must be a lowercase DNS " + "subdomain of at most 253 characters")),
                Arguments.of(
                        "a/b/c",
                        "Exists",
                        null,
                        List.of(x + ".key: must be a name with at most one '/' (an optional " + "prefix and a name)")),
                Arguments.of("team", "In", List.of("ok", "not ok"), List.of(x + ".values[1]: " + VALUE_RULE)),
                Arguments.of("team", "In", List.of("v".repeat(64)), List.of(x + ".values[0]: " + VALUE_RULE)));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("expressions")
    void matchExpressionsFollowTheApiServersRules(
            String key, String operator, List<String> values, List<String> expected) {
        LabelSelectorRequirement r = new LabelSelectorRequirement(key, operator, values);
        LabelSelector selector =
                new LabelSelectorBuilder().withMatchExpressions(r).build();
        assertEquals(expected, LabelSelectorRules.problems(selector, "s"));
    }

    @org.junit.jupiter.api.Test
    void matchLabelsKeysAndValuesAreChecked() {
        assertEquals(
                List.of(),
                LabelSelectorRules.problems(
                        new LabelSelectorBuilder()
                                .withMatchLabels(Map.of("app.kubernetes.io/name", "web", "empty", ""))
                                .build(),
                        "s"));
        assertEquals(
                List.of("s.matchLabels[team]: value " + VALUE_RULE),
                LabelSelectorRules.problems(
                        new LabelSelectorBuilder()
                                .withMatchLabels(Map.of("team", "a b"))
                                .build(),
                        "s"));
        assertEquals(
                List.of("s.matchLabels[bad key]: key " + NAME_RULE),
                LabelSelectorRules.problems(
                        new LabelSelectorBuilder()
                                .withMatchLabels(Map.of("bad key", "v"))
                                .build(),
                        "s"));
        assertEquals(List.of(), LabelSelectorRules.problems(null, "s"));
        assertEquals(List.of(), LabelSelectorRules.problems(new LabelSelector(), "s"), "an empty selector selects all");
    }
}
