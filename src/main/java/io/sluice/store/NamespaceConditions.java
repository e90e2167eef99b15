package io.sluice.store;

import io.sluice.api.v1.ClusterSecretStoreCondition;
import io.sluice.kube.LabelSelection;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.regexp.TenantRegexp;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a ClusterSecretStore's {@code spec.conditions} for a namespace: any matching condition allows.
 * {@code namespaceRegexes} are RE2 patterns, as in ESO ({@link TenantRegexp}).
 */
public final class NamespaceConditions {
    private NamespaceConditions() {}

    /** @throws InvalidRegexpException naming the field when a namespace regex is refused */
    public static boolean allows(
            List<ClusterSecretStoreCondition> conditions, String namespace, Map<String, String> namespaceLabels) {
        if (conditions == null || conditions.isEmpty()) {
            return true;
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (matches(i, conditions.get(i), namespace, namespaceLabels)) {
                return true;
            }
        }
        return false;
    }

    /** @throws InvalidRegexpException naming the field of the first namespace regex refused */
    public static void requireValid(List<ClusterSecretStoreCondition> conditions) {
        for (int i = 0; conditions != null && i < conditions.size(); i++) {
            List<String> regexes =
                    conditions.get(i).namespaceRegexes == null ? List.of() : conditions.get(i).namespaceRegexes;
            for (int j = 0; j < regexes.size(); j++) {
                TenantRegexp.compile(field(i, j), regexes.get(j) == null ? "" : regexes.get(j));
            }
        }
    }

    private static String field(int condition, int regex) {
        return "spec.conditions[" + condition + "].namespaceRegexes[" + regex + "]";
    }

    private static boolean matches(
            int index, ClusterSecretStoreCondition condition, String namespace, Map<String, String> labels) {
        if (condition.namespaces != null && condition.namespaces.contains(namespace)) {
            return true;
        }
        List<String> regexes = condition.namespaceRegexes == null ? List.of() : condition.namespaceRegexes;
        for (int j = 0; j < regexes.size(); j++) {
            if (TenantRegexp.compile(field(index, j), regexes.get(j) == null ? "" : regexes.get(j))
                    .find(namespace)) {
                return true;
            }
        }
        return condition.namespaceSelector != null && LabelSelection.selects(condition.namespaceSelector, labels);
    }
}
