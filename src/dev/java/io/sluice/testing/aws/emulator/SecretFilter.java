package io.sluice.testing.aws.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One ListSecrets / BatchGetSecretValue filter. Like AWS: name, tag-key, tag-value are case-sensitive prefix
 * matches; description and all match word prefixes case-insensitively; a value starting with {@code !}
 * negates; several values of one filter are alternatives, several filters must all match.
 */
record SecretFilter(String key, List<String> values) {

    private static final Set<String> KEYS =
            Set.of("name", "description", "tag-key", "tag-value", "all", "primary-region", "owning-service");

    SecretFilter {
        if (!KEYS.contains(key)) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "1 validation error detected: Value '" + key
                            + "' at 'filters.1.member.key' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: " + KEYS);
        }
        values = List.copyOf(values);
    }

    static boolean allMatch(List<SecretFilter> filters, SecretRecord secret) {
        return filters.stream().allMatch(filter -> filter.matches(secret));
    }

    boolean matches(SecretRecord secret) {
        return switch (key) {
            case "name" -> matchesAny(List.of(secret.name()), false);
            case "tag-key" -> matchesAny(List.copyOf(secret.tags().keySet()), false);
            case "tag-value" -> matchesAny(List.copyOf(secret.tags().values()), false);
            case "description" -> secret.description() != null && matchesAny(List.of(secret.description()), true);
            case "all" -> matchesAny(allAttributes(secret), true);
            default -> false; // primary-region and owning-service: no emulated secret is replicated or managed
        };
    }

    private static List<String> allAttributes(SecretRecord secret) {
        List<String> attributes = new ArrayList<>();
        attributes.add(secret.name());
        if (secret.description() != null) {
            attributes.add(secret.description());
        }
        attributes.addAll(secret.tags().keySet());
        attributes.addAll(secret.tags().values());
        return attributes;
    }

    private boolean matchesAny(List<String> attributes, boolean byWords) {
        for (String value : values) {
            boolean negated = value.startsWith("!");
            String pattern = negated ? value.substring(1) : value;
            boolean anyMatch =
                    attributes.stream().anyMatch(a -> byWords ? wordsMatch(pattern, a) : a.startsWith(pattern));
            if (negated ? !anyMatch : anyMatch) {
                return true;
            }
        }
        return false;
    }

    /** Every word of the pattern must prefix some word of the attribute, ignoring case. */
    private static boolean wordsMatch(String pattern, String attribute) {
        List<String> attributeWords = words(attribute);
        List<String> patternWords = words(pattern);
        return !patternWords.isEmpty()
                && patternWords.stream().allMatch(p -> attributeWords.stream().anyMatch(w -> w.startsWith(p)));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s/_+=.@-]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
