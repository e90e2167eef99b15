package io.sluice.store;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.sluice.api.v1.ClusterSecretStoreCondition;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Evaluates a ClusterSecretStore's {@code spec.conditions} for a namespace: any matching condition allows. */
public final class NamespaceConditions {
    private NamespaceConditions() {
    }

    public static boolean allows(List<ClusterSecretStoreCondition> conditions, String namespace,
            Map<String, String> namespaceLabels) {
        if (conditions == null || conditions.isEmpty()) {
            return true;
        }
        return conditions.stream().anyMatch(c -> matches(c, namespace, namespaceLabels));
    }

    private static boolean matches(ClusterSecretStoreCondition condition, String namespace, Map<String, String> labels) {
        if (condition.namespaces != null && condition.namespaces.contains(namespace)) {
            return true;
        }
        if (condition.namespaceRegexes != null
                && condition.namespaceRegexes.stream().anyMatch(r -> Pattern.compile(r).matcher(namespace).find())) {
            return true;
        }
        return condition.namespaceSelector != null && selects(condition.namespaceSelector, labels);
    }

    /** Kubernetes label selector semantics (matchLabels AND matchExpressions). */
    public static boolean selects(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (!requirementHolds(r, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean requirementHolds(LabelSelectorRequirement r, Map<String, String> labels) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String value = labels.get(r.getKey());
        return switch (r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> false;
        };
    }
}
