package io.sluice.template;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.Set;

/**
 * Measures how deeply a Qute template nests sections and parentheses before Qute parses it: Qute's
 * parser and renderer recurse once per level, so 20,000 nested {@code {#if}} overflow the stack.
 * The scan follows Qute's own tokenizer (escapes, comments, unparsed text, string literals in tags)
 * so it sees the same sections Qute will.
 */
final class QuteNesting {
    /** Block labels continue the enclosing section instead of opening a new one. */
    private static final Set<String> BLOCK_LABELS = Set.of("else", "is", "case");

    private QuteNesting() {}

    /** Throws {@link TemplateLimitExceeded} when nesting goes beyond {@link TemplateLimits#MAX_NESTING}. */
    static void check(String source) {
        int sections = 0;
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '\\') {
                i += 2;
            } else if (c != '{' || i + 1 >= n || !opensTag(source.charAt(i + 1))) {
                i++;
            } else if (source.charAt(i + 1) == '!') {
                i = skipTo(source, i + 2, "!}");
            } else if (source.charAt(i + 1) == '|') {
                i = skipTo(source, i + 2, "|}");
            } else {
                int end = tagEnd(source, i + 1);
                String tag = source.substring(i + 1, end);
                if (tag.startsWith("/")) {
                    sections = Math.max(0, sections - 1);
                } else if (tag.startsWith("#") && !tag.endsWith("/") && !BLOCK_LABELS.contains(name(tag))) {
                    sections++;
                }
                require(sections + parentheses(tag), line);
                line += count(tag, '\n');
                i = end + 1;
            }
        }
    }

    private static void require(int depth, int line) {
        if (depth > TemplateLimits.MAX_NESTING) {
            throw new TemplateLimitExceeded("sections and parentheses are nested more than "
                    + TemplateLimits.MAX_NESTING + " levels deep at line " + line);
        }
    }

    /** Qute's rule: a tag starts with a letter, digit, '_', or a command character. */
    private static boolean opensTag(char c) {
        return Character.isLetterOrDigit(c)
                || c == '_'
                || c == '#'
                || c == '/'
                || c == '!'
                || c == '|'
                || c == '@'
                || c == '$'
                || c == '[';
    }

    private static int skipTo(String source, int from, String end) {
        int at = source.indexOf(end, from);
        return at < 0 ? source.length() : at + end.length();
    }

    /** The index of the '}' closing the tag opened before {@code from}, skipping string literals. */
    private static int tagEnd(String source, int from) {
        char quote = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return source.length();
    }

    private static String name(String tag) {
        int end = 1;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '/') {
            end++;
        }
        return tag.substring(1, end);
    }

    private static int parentheses(String tag) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private static int count(String text, char c) {
        int found = 0;
        for (int i = 0; i < text.length(); i++) {
            found += text.charAt(i) == c ? 1 : 0;
        }
        return found;
    }
}
