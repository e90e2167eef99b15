package io.sluice.externalsecret.values;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Go's {@code Regexp.ReplaceAllString}: the replacement template and the matching loop, which differ from
 * Java's {@code replaceAll}. In the template {@code $name} and {@code ${name}} name a group, where a name is
 * as many letters, digits and underscores as possible ({@code $1x} is the group "1x", not group 1 then
 * "x"; write {@code ${1}x}); a purely numeric name is a group index; an unknown or unmatched group expands
 * to nothing; {@code $$} is a literal {@code $}; a malformed reference keeps the {@code $} as text. In the
 * loop, an empty match right after a previous match is not replaced.
 */
final class GoReplacement {

    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private record GroupIndex(int index) implements Part {
    }

    private record GroupName(String name) implements Part {
    }

    private final List<Part> parts;

    private GoReplacement(List<Part> parts) {
        this.parts = parts;
    }

    static GoReplacement parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
            } else if (template.startsWith("$$", i)) {
                literal.append('$');
                i += 2;
            } else {
                boolean brace = template.startsWith("${", i);
                int nameStart = i + (brace ? 2 : 1);
                int nameEnd = nameStart;
                while (nameEnd < template.length() && isNameChar(template.codePointAt(nameEnd))) {
                    nameEnd += Character.charCount(template.codePointAt(nameEnd));
                }
                boolean closed = !brace || (nameEnd < template.length() && template.charAt(nameEnd) == '}');
                if (nameEnd == nameStart || !closed) {
                    literal.append('$');
                    i++;
                    continue;
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(reference(template.substring(nameStart, nameEnd)));
                i = nameEnd + (brace ? 1 : 0);
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new GoReplacement(parts);
    }

    private static boolean isNameChar(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_';
    }

    /** A numeric name without a leading zero is an index; anything else is looked up by name. */
    private static Part reference(String name) {
        boolean numeric = name.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (numeric && (name.length() == 1 || name.charAt(0) != '0') && name.length() <= 8) {
            return new GroupIndex(Integer.parseInt(name));
        }
        return new GroupName(name);
    }

    String replaceAll(GoRegexp regexp, String input) {
        Matcher matcher = regexp.pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int lastMatchEnd = 0;
        while (matcher.find()) {
            out.append(input, copied, matcher.start());
            if (matcher.end() > lastMatchEnd || matcher.start() == 0) {
                expand(regexp, matcher, out);
            }
            lastMatchEnd = matcher.end();
            copied = matcher.end();
        }
        return out.append(input, copied, input.length()).toString();
    }

    private void expand(GoRegexp regexp, Matcher matcher, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case GroupIndex index -> {
                    if (index.index() <= matcher.groupCount() && matcher.group(index.index()) != null) {
                        out.append(matcher.group(index.index()));
                    }
                }
                case GroupName name -> regexp.groupNames.getOrDefault(name.name(), List.of()).stream()
                        .map(matcher::group)
                        .filter(group -> group != null)
                        .findFirst()
                        .ifPresent(out::append);
            }
        }
    }
}
