package io.sluice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.sluice.api.v1.ClusterSecretStoreCondition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamespaceConditionsTest {

    @ParameterizedTest(name = "{0} with labels team={1} -> {2}")
    @CsvSource({
            "payments,other,true",       // listed by name
            "team-a-dev,other,true",     // matches a regex
            "sandbox,platform,true",     // matches the selector
            "sandbox,other,false",       // matches nothing
    })
    void anyConditionAllows(String namespace, String team, boolean allowed) {
        ClusterSecretStoreCondition byName = new ClusterSecretStoreCondition();
        byName.namespaces = List.of("payments");
        ClusterSecretStoreCondition byRegex = new ClusterSecretStoreCondition();
        byRegex.namespaceRegexes = List.of("^team-a-.*");
        ClusterSecretStoreCondition bySelector = new ClusterSecretStoreCondition();
        bySelector.namespaceSelector = new LabelSelectorBuilder().addToMatchLabels("team", "platform")
                .addNewMatchExpression().withKey("env").withOperator("NotIn").withValues("prod").endMatchExpression()
                .build();
        assertEquals(allowed, NamespaceConditions.allows(List.of(byName, byRegex, bySelector), namespace,
                Map.of("team", team)));
    }

    @ParameterizedTest
    @CsvSource({ "In,prod,true", "In,dev,false", "NotIn,prod,false", "Exists,x,true", "DoesNotExist,x,false" })
    void labelSelectorOperators(String operator, String value, boolean expected) {
        var selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("env").withOperator(operator)
                .withValues(operator.endsWith("Exist") || operator.equals("Exists") ? List.of() : List.of("prod"))
                .endMatchExpression().build();
        assertEquals(expected, NamespaceConditions.selects(selector, Map.of("env", value)));
    }
}
