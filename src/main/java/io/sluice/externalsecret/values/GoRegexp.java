package io.sluice.externalsecret.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Go (RE2) regular expression compiled as a Java {@link Pattern}. The common syntax is the same; this
 * translates what differs: named groups {@code (?P<name>...)} (Go names may contain {@code _}, Java's may
 * not, so every named group is renamed and the Go names are kept here), POSIX classes such as
 * {@code [[:alpha:]]}, and {@code [} and {@code &} inside a character class, which are literal in Go.
 * Java-only constructs (lookaround, backreferences) are not rejected.
 */
final class GoRegexp {

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
            Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
            Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
            Map.entry("word", "Alnum_"), Map.entry("xdigit", "XDigit"));

    final Pattern pattern;
    /** Go group name to the Java names of the groups that carry it, in order. */
    final Map<String, List<String>> groupNames;

    private GoRegexp(Pattern pattern, Map<String, List<String>> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /** Compiles a Go expression; throws {@link java.util.regex.PatternSyntaxException} when it is invalid. */
    static GoRegexp compile(String source) {
        StringBuilder java = new StringBuilder();
        Map<String, List<String>> names = new LinkedHashMap<>();
        boolean inClass = false;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                java.append(source, i, i + 2);
                i += 2;
            } else if (!inClass && c == '[') {
                inClass = true;
                int start = i;
                i += source.startsWith("[^", i) ? 2 : 1;
                java.append(source, start, i);
                if (i < source.length() && source.charAt(i) == ']') {
                    java.append("\\]");
                    i++;
                }
            } else if (inClass && source.startsWith("[:", i) && source.indexOf(":]", i + 2) > 0) {
                int end = source.indexOf(":]", i + 2);
                String posix = posixClass(source.substring(i + 2, end));
                if (posix == null) {
                    throw new PatternSyntaxException("invalid character class", source, i);
                }
                java.append(posix);
                i = end + 2;
            } else if (inClass && (c == '[' || c == '&')) {
                java.append('\\').append(c);
                i++;
            } else if (inClass && c == ']') {
                inClass = false;
                java.append(c);
                i++;
            } else if (!inClass && isNamedGroupStart(source, i)) {
                int nameStart = source.indexOf('<', i) + 1;
                int nameEnd = source.indexOf('>', nameStart);
                if (nameEnd < 0) {
                    java.append(source, i, source.length());
                    break;
                }
                String javaName = "g" + (names.values().stream().mapToInt(List::size).sum() + 1);
                names.computeIfAbsent(source.substring(nameStart, nameEnd), n -> new ArrayList<>()).add(javaName);
                java.append("(?<").append(javaName).append('>');
                i = nameEnd + 1;
            } else {
                java.append(c);
                i++;
            }
        }
        return new GoRegexp(Pattern.compile(java.toString()), names);
    }

    private static boolean isNamedGroupStart(String source, int i) {
        if (source.startsWith("(?P<", i)) {
            return true;
        }
        return source.startsWith("(?<", i) && i + 3 < source.length()
                && source.charAt(i + 3) != '=' && source.charAt(i + 3) != '!';
    }

    private static String posixClass(String name) {
        boolean negated = name.startsWith("^");
        String javaName = POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (javaName == null) {
            return null;
        }
        if (javaName.equals("Alnum_")) {
            return negated ? "\\W" : "\\w";
        }
        return (negated ? "\\P{" : "\\p{") + javaName + "}";
    }
}
