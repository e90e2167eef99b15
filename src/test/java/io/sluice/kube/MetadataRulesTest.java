package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataRulesTest {
    private static final String SECRET = "hunter2 with spaces";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app",
                "a",
                "app.kubernetes.io/name",
                "example.com/A_b-c.9",
                "x/y",
                "a23456789012345678901234567890123456789012345678901234567890123"
            })
    void qualifiedNamesTheApiServerAccepts(String key) {
        assertTrue(MetadataRules.isQualifiedName(key), key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "a/",
                "/a",
                "-a",
                "a-",
                "a b",
                "Example.com/a",
                "a/b/c",
                "ex_ample.com/a",
                ".example.com/a",
                "example..com/a",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void qualifiedNamesTheApiServerRefuses(String key) {
        assertFalse(MetadataRules.isQualifiedName(key), key);
    }

    @Test
    void theDnsPrefixMayHave253Characters() {
        String label = "a".repeat(63);
        String prefix253 = label + "." + label + "." + label + "." + "b".repeat(61);
        assertEquals(253, prefix253.length());
        assertTrue(MetadataRules.isQualifiedName(prefix253 + "/name"));
        assertFalse(MetadataRules.isQualifiedName("c" + prefix253 + "/name"));
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "''|true",
                "v1|true",
                "MyValue|true",
                "my_value.x-1|true",
                "a|true",
                "-a|false",
                "a.|false",
                "a b|false",
                "a/b|false",
                "é|false"
            },
            delimiter = '|')
    void labelValues(String value, boolean valid) {
        assertEquals(valid, MetadataRules.isLabelValue(value), value);
        assertTrue(MetadataRules.isLabelValue("x".repeat(63)));
        assertFalse(MetadataRules.isLabelValue("x".repeat(64)));
    }

    @Test
    void aRefusedValueIsDescribedByItsKeyAndTheRuleNeverByItself() {
        List<String> problems = MetadataRules.labelProblems("label", Map.of("team", SECRET, "ok", "fine"), k -> true);

        assertEquals(List.of("the value of label team: " + MetadataRules.VALUE_RULE), problems);
        assertFalse(problems.get(0).contains("hunter2"));
    }

    @Test
    void aRenderedKeyIsNeverNamed() {
        Map<String, String> rendered = Map.of(SECRET, "v", "team", SECRET);
        List<String> problems = MetadataRules.labelProblems("label", rendered, Set.of()::contains);

        assertEquals(2, problems.size(), problems.toString());
        problems.forEach(p -> assertFalse(p.contains("hunter2") || p.contains("team"), p));
        assertTrue(
                problems.get(0)
                        .startsWith("label key rendered by a template (its text is not shown): a label key "
                                + "must be a qualified name"),
                problems.get(0));
    }

    @Test
    void annotationKeysAreCheckedInLowerCaseAndTheirTotalSizeIsBounded() {
        assertEquals(
                List.of(),
                MetadataRules.annotationProblems("annotation", Map.of("Example.COM/Key", SECRET + "!\n{}"), k -> true),
                "annotation values are free text");
        String half = "v".repeat(MetadataRules.MAX_ANNOTATIONS_BYTES / 2);
        assertEquals(
                List.of(),
                MetadataRules.annotationProblems("annotation", Map.of("a", half, "b", half.substring(2)), k -> true));
        List<String> tooBig = MetadataRules.annotationProblems("annotation", Map.of("a", half, "b", half), k -> true);
        assertEquals(
                List.of("annotation: keys and values together hold 262146 bytes; the limit is 262144 bytes (256 KiB)"),
                tooBig);
        assertEquals(
                1,
                MetadataRules.annotationProblems("annotation", Map.of("bad key", "v"), k -> true)
                        .size());
    }

    @Test
    void aSecretsDataKeysLabelsAndAnnotationsAreCheckedTogether() {
        List<String> problems = MetadataRules.secretProblems(
                Map.of("l", SECRET),
                Map.of("bad key", "x"),
                Set.of("ok.key", "..", SECRET),
                Set.of("l", "bad key", "..")::contains);

        assertEquals(
                List.of(
                        "the value of label l: " + MetadataRules.VALUE_RULE,
                        "annotation key bad key: an annotation key must be " + MetadataRules.NAME_RULE,
                        "data key ..: " + MetadataRules.SECRET_KEY_RULE,
                        "data key rendered by a template (its text is not shown): " + MetadataRules.SECRET_KEY_RULE),
                problems);
    }
}
