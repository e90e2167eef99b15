package io.sluice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.sluice.api.v1.ClusterSecretStoreCondition;
import io.sluice.kube.LabelSelection;
import io.sluice.regexp.InvalidRegexpException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamespaceConditionsTest {

    @ParameterizedTest(name = "{0} with labels team={1} -> {2}")
    @CsvSource({
        "payments,other,true", // listed by name
        "team-a-dev,other,true", // matches a regex
        "sandbox,platform,true", // matches the selector
        "sandbox,other,false", // matches nothing
    })
    void anyConditionAllows(String namespace, String team, boolean allowed) {
        ClusterSecretStoreCondition byName = new ClusterSecretStoreCondition();
        byName.namespaces = List.of("payments");
        ClusterSecretStoreCondition byRegex = new ClusterSecretStoreCondition();
        byRegex.namespaceRegexes = List.of("^team-a-.*");
        ClusterSecretStoreCondition bySelector = new ClusterSecretStoreCondition();
        bySelector.namespaceSelector = new LabelSelectorBuilder()
                .addToMatchLabels("team", "platform")
                .addNewMatchExpression()
                .withKey("env")
                .withOperator("NotIn")
                .withValues("prod")
                .endMatchExpression()
                .build();
        assertEquals(
                allowed,
                NamespaceConditions.allows(List.of(byName, byRegex, bySelector), namespace, Map.of("team", team)));
    }

    @Test
    void aCatastrophicNamespaceRegexIsEvaluatedInLinearTime() {
        ClusterSecretStoreCondition hostile = new ClusterSecretStoreCondition();
        hostile.namespaceRegexes = List.of("^(.*?){40}X$", "^team-b$");
        String longNamespace = "a".repeat(63);
        // java.util.regex did not finish within 60 s on a 42-character subject
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertFalse(NamespaceConditions.allows(List.of(hostile), longNamespace, Map.of()));
            assertTrue(NamespaceConditions.allows(List.of(hostile), "team-b", Map.of()));
        });
    }

    @Test
    void anInvalidNamespaceRegexIsAnErrorNamingTheField() {
        ClusterSecretStoreCondition byName = new ClusterSecretStoreCondition();
        byName.namespaces = List.of("payments");
        ClusterSecretStoreCondition invalid = new ClusterSecretStoreCondition();
        invalid.namespaceRegexes = List.of("^ok$", "(?=lookahead)");
        InvalidRegexpException e = assertThrows(
                InvalidRegexpException.class,
                () -> NamespaceConditions.allows(List.of(byName, invalid), "other", Map.of()));
        assertTrue(
                e.getMessage().startsWith("spec.conditions[1].namespaceRegexes[1] is not a valid regular expression"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"In,prod,true", "In,dev,false", "NotIn,prod,false", "Exists,x,true", "DoesNotExist,x,false"})
    void labelSelectorOperators(String operator, String value, boolean expected) {
        var selector = new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey("env")
                .withOperator(operator)
                .withValues(operator.endsWith("Exist") || operator.equals("Exists") ? List.of() : List.of("prod"))
                .endMatchExpression()
                .build();
        assertEquals(expected, LabelSelection.selects(selector, Map.of("env", value)));
    }
}
