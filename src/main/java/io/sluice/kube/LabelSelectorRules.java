package io.sluice.kube;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A label selector's validity, by the API server's rules (apimachinery's ValidateLabelSelector): operators
 * In, NotIn, Exists and DoesNotExist exactly; values required for In and NotIn and forbidden for Exists and
 * DoesNotExist; keys are qualified names and values are label values. A selector inside a custom resource is not
 * checked by the API server, and evaluating an invalid one would select nothing, so a caller must not act on it.
 */
public final class LabelSelectorRules {
    private static final int NAME_MAX = 63;
    private static final int PREFIX_MAX = 253;
    // inputs are length-checked before matching, so these patterns run on at most 253 characters
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelSelectorRules() {}

    /**
     * Everything wrong with the selector, each naming the field under {@code path} and the rule; empty when
     * valid. Operators, keys and values appear as written: a selector holds no secret.
     */
    public static List<String> problems(LabelSelector selector, String path) {
        List<String> problems = new ArrayList<>();
        if (selector == null) {
            return problems;
        }
        Map<String, String> matchLabels = selector.getMatchLabels();
        if (matchLabels != null) {
            matchLabels.forEach((key, value) -> {
                String field = path + ".matchLabels[" + key + "]";
                keyProblem(key).ifPresent(p -> problems.add(field + ": key " + p));
                valueProblem(value).ifPresent(p -> problems.add(field + ": value " + p));
            });
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        for (int i = 0; expressions != null && i < expressions.size(); i++) {
            requirementProblems(expressions.get(i), path + ".matchExpressions[" + i + "]", problems);
        }
        return problems;
    }

    private static void requirementProblems(LabelSelectorRequirement r, String field, List<String> problems) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String operator = r.getOperator();
        if ("In".equals(operator) || "NotIn".equals(operator)) {
            if (values.isEmpty()) {
                problems.add(field + ".values: required when operator is In or NotIn");
            }
        } else if ("Exists".equals(operator) || "DoesNotExist".equals(operator)) {
            if (!values.isEmpty()) {
                problems.add(field + ".values: must be empty when operator is Exists or DoesNotExist");
            }
        } else {
            problems.add(field + ".operator: \"" + operator + "\" is not supported; use In, NotIn, Exists or "
                    + "DoesNotExist (exactly)");
        }
        keyProblem(r.getKey()).ifPresent(p -> problems.add(field + ".key: " + p));
        for (int j = 0; j < values.size(); j++) {
            int index = j;
            valueProblem(values.get(j)).ifPresent(p -> problems.add(field + ".values[" + index + "]: " + p));
        }
    }

    /** A qualified name: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("must not be empty");
        }
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return Optional.of("must be a name with at most one '/' (an optional prefix and a name)");
        }
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()
                    || prefix.length() > PREFIX_MAX
                    || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("prefix must be a lowercase DNS subdomain of at most 253 characters");
            }
        }
        String name = parts[parts.length - 1];
        if (name.isEmpty() || name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
            return Optional.of("name must be 1 to 63 characters of letters, digits, '-', '_' or '.', "
                    + "starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A label value: empty, or at most 63 characters of the name alphabet. */
    static Optional<String> valueProblem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > NAME_MAX || !NAME.matcher(value).matches()) {
            return Optional.of("must be empty or 1 to 63 characters of letters, digits, '-', '_' or '.', "
                    + "starting and ending with a letter or digit");
        }
        return Optional.empty();
    }
}
