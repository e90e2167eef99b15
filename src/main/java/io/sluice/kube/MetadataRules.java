package io.sluice.kube;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The API server's rules for labels and annotations (apimachinery's ValidateLabels and ValidateAnnotations),
 * checked before Sluice writes, so that a refused value never comes back quoted in a 422.
 *
 * <p>A problem names the key and the rule, never the value. A key is named only when the caller says it is
 * safe to show (it was written literally in the spec); a key that a template rendered may itself be a secret and
 * is described without its text.
 */
public final class MetadataRules {
    public static final int MAX_LABEL_VALUE = 63;
    public static final int MAX_NAME = 63;
    public static final int MAX_PREFIX = 253;
    public static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;
    public static final int MAX_SECRET_KEY = 253;

    static final String NAME_RULE = "a qualified name: an optional DNS subdomain prefix of at most " + MAX_PREFIX
            + " characters and '/', then a name of at most " + MAX_NAME + " characters that begins and ends with a "
            + "letter or digit and holds only letters, digits, '-', '_' and '.'";
    static final String VALUE_RULE = "a label value must be at most " + MAX_LABEL_VALUE + " characters, empty or "
            + "beginning and ending with a letter or digit, with only letters, digits, '-', '_' and '.'";

    static final String SECRET_KEY_RULE = "a Secret key must match ^[-._a-zA-Z0-9]+$, have at most " + MAX_SECRET_KEY
            + " characters and not be '.' or '..'";

    private MetadataRules() {}

    /**
     * Everything about a Secret's labels, annotations and data keys that the API server would refuse.
     *
     * @param showKey whether a key may be named in the problem (it came from the spec, not from a template)
     */
    public static List<String> secretProblems(
            Map<String, String> labels,
            Map<String, String> annotations,
            Collection<String> dataKeys,
            Predicate<String> showKey) {
        List<String> problems = new ArrayList<>(labelProblems("label", labels, showKey));
        problems.addAll(annotationProblems("annotation", annotations, showKey));
        new TreeSet<>(dataKeys)
                .stream()
                        .filter(key -> !isSecretKey(key))
                        .forEach(key -> problems.add(describe("data key", key, showKey) + ": " + SECRET_KEY_RULE));
        return problems;
    }

    /** Every label that the API server would refuse, each as {@code <what>: <rule>}, in key order. */
    public static List<String> labelProblems(String what, Map<String, String> labels, Predicate<String> showKey) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) -> {
            if (!isQualifiedName(key)) {
                problems.add(describe(what + " key", key, showKey) + ": a label key must be " + NAME_RULE);
            } else if (!isLabelValue(value)) {
                problems.add(describe("the value of " + what, key, showKey) + ": " + VALUE_RULE);
            }
        });
        return problems;
    }

    /** Every annotation key that the API server would refuse, and the total size when over its limit. */
    public static List<String> annotationProblems(
            String what, Map<String, String> annotations, Predicate<String> showKey) {
        List<String> problems = new ArrayList<>();
        long bytes = 0;
        for (var entry : new TreeMap<>(annotations).entrySet()) {
            // the API server checks annotation keys in lower case: upper-case prefixes are allowed
            if (!isQualifiedName(entry.getKey().toLowerCase(Locale.ROOT))) {
                problems.add(
                        describe(what + " key", entry.getKey(), showKey) + ": an annotation key must be " + NAME_RULE);
            }
            bytes += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
        }
        if (bytes > MAX_ANNOTATIONS_BYTES) {
            problems.add(what + ": keys and values together hold " + bytes + " bytes; the limit is "
                    + MAX_ANNOTATIONS_BYTES + " bytes (256 KiB)");
        }
        return problems;
    }

    /** apimachinery's IsQualifiedName: {@code [prefix/]name}. */
    public static boolean isQualifiedName(String key) {
        if (key == null) {
            return false;
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return isName(key);
        }
        return isDnsSubdomain(key.substring(0, slash)) && isName(key.substring(slash + 1));
    }

    /** apimachinery's IsValidLabelValue: empty, or a name of at most 63 characters. */
    public static boolean isLabelValue(String value) {
        return value == null || value.isEmpty() || isName(value);
    }

    /** apimachinery's IsConfigMapKey, which Secret data keys follow. */
    public static boolean isSecretKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_SECRET_KEY || key.equals(".") || key.equals("..")) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}, at most 63 characters. */
    private static boolean isName(String name) {
        int n = name.length();
        if (n == 0 || n > MAX_NAME || !isAlphanumeric(name.charAt(0)) || !isAlphanumeric(name.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = name.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** RFC 1123 subdomain: lower-case labels of {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} joined by dots, at most 253. */
    private static boolean isDnsSubdomain(String prefix) {
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
            return false;
        }
        for (String part : prefix.split("\\.", -1)) {
            int n = part.length();
            if (n == 0 || !isLowerAlphanumeric(part.charAt(0)) || !isLowerAlphanumeric(part.charAt(n - 1))) {
                return false;
            }
            for (int i = 1; i < n - 1; i++) {
                char c = part.charAt(i);
                if (!isLowerAlphanumeric(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static String describe(String what, String key, Predicate<String> showKey) {
        return showKey.test(key) ? what + " " + key : what + " rendered by a template (its text is not shown)";
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
