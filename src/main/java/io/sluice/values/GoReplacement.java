package io.sluice.values;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go's {@code Regexp.ReplaceAllString}: the replacement template and the matching loop, which differ from
 * Java's {@code replaceAll}. In the template {@code $name} and {@code ${name}} name a group, where a name is
 * as many letters, digits and underscores as possible ({@code $1x} is the group "1x", not group 1 then
 * "x"; write {@code ${1}x}); a purely numeric name is a group index; an unknown or unmatched group expands
 * to nothing; {@code $$} is a literal {@code $}; a malformed reference keeps the {@code $} as text. In the
 * loop, an empty match right after a previous match is not replaced.
 */
final class GoReplacement {

    private sealed interface Part {}

    private record Literal(String text) implements Part {}

    private record GroupIndex(int index) implements Part {}

    private record GroupName(String name) implements Part {}

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

    /** A numeric name of up to 9 digits without a leading zero is an index; anything else is looked up by name. */
    private static Part reference(String name) {
        boolean numeric = name.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (numeric && (name.length() == 1 || name.charAt(0) != '0') && name.length() <= 9) {
            return new GroupIndex(Integer.parseInt(name));
        }
        return new GroupName(name);
    }

    /**
     * Go's loop, step by step: search from {@code searchPos} (anchors and word boundaries still see the whole
     * input), copy what lies before the match, expand the template unless the match is empty and right
     * after the previous one, then advance past the match, and always by at least one character. Empty when
     * the result would be longer than {@code maxLength}: each match can add the whole target, so a rewrite
     * could otherwise turn a 253-character key into megabytes, and a chain of rewrites into gigabytes.
     */
    Optional<String> replaceAll(Pattern pattern, String input, int maxLength) {
        Matcher matcher = pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= input.length() && matcher.find(searchPos)) {
            int start = matcher.start();
            int end = matcher.end();
            out.append(input, lastMatchEnd, start);
            if (end > lastMatchEnd || start == 0) {
                expand(pattern, matcher, out);
            }
            if (out.length() > maxLength) {
                return Optional.empty();
            }
            lastMatchEnd = end;
            int width = searchPos < input.length() ? Character.charCount(input.codePointAt(searchPos)) : 1;
            searchPos = searchPos + width > end ? searchPos + width : end;
        }
        out.append(input, lastMatchEnd, input.length());
        return out.length() > maxLength ? Optional.empty() : Optional.of(out.toString());
    }

    private void expand(Pattern pattern, Matcher matcher, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case GroupIndex index -> appendGroup(matcher, index.index(), out);
                case GroupName name -> {
                    Integer index = pattern.namedGroups().get(name.name());
                    if (index != null) {
                        appendGroup(matcher, index, out);
                    }
                }
            }
        }
    }

    /** An unknown or unmatched group expands to nothing. */
    private static void appendGroup(Matcher matcher, int index, StringBuilder out) {
        if (index <= matcher.groupCount() && matcher.group(index) != null) {
            out.append(matcher.group(index));
        }
    }
}
