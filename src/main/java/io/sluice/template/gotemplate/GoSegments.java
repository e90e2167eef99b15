package io.sluice.template.gotemplate;

import java.util.ArrayList;
import java.util.List;

/** Splits a Go template into text and {@code {{ actions }}}, applying the {@code {{-}/{@code -}}} trim markers. */
final class GoSegments {
    sealed interface Segment permits Text, Action {}

    /** Text; {@code trimmedNewlines} counts the newlines a trim marker removed (kept to preserve line numbers). */
    record Text(String text, int trimmedNewlines) implements Segment {}

    /** The inside of one action without delimiters and trim markers; {@code newlines} inside it. */
    record Action(String body, int line, int newlines) implements Segment {}

    private GoSegments() {}

    static List<Segment> split(String source) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        int line = 1;
        boolean trimNextText = false;
        while (pos < source.length()) {
            int open = source.indexOf("{{", pos);
            String text = open < 0 ? source.substring(pos) : source.substring(pos, open);
            int actionLine = line + count(text, '\n');
            if (open < 0) {
                segments.add(trim(text, trimNextText, false));
                break;
            }
            int bodyStart = open + 2;
            boolean trimLeft = source.startsWith("- ", bodyStart)
                    || source.startsWith("-\n", bodyStart)
                    || source.startsWith("-\t", bodyStart);
            if (trimLeft) {
                bodyStart++;
            }
            int close = findClose(source, bodyStart, actionLine);
            int bodyEnd = close;
            boolean trimRight = close - 2 >= bodyStart
                    && source.charAt(close - 1) == '-'
                    && Character.isWhitespace(source.charAt(close - 2));
            if (trimRight) {
                bodyEnd--;
            }
            segments.add(trim(text, trimNextText, trimLeft));
            String body = source.substring(bodyStart, bodyEnd);
            segments.add(new Action(body.strip(), actionLine, count(body, '\n')));
            trimNextText = trimRight;
            line = actionLine + count(source.substring(open, close + 2), '\n');
            pos = close + 2;
        }
        return segments;
    }

    private static Text trim(String text, boolean leading, boolean trailing) {
        String kept = text;
        if (leading) {
            kept = kept.stripLeading();
        }
        if (trailing) {
            kept = kept.stripTrailing();
        }
        return new Text(kept, count(text, '\n') - count(kept, '\n'));
    }

    /** The index of the closing {@code }}}, skipping string literals that may contain one. */
    private static int findClose(String source, int from, int line) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                i = skipQuoted(source, i, c, line);
                continue;
            }
            if (source.startsWith("}}", i)) {
                return i;
            }
            i++;
        }
        throw GoTemplateException.syntax("unclosed action", line);
    }

    private static int skipQuoted(String source, int start, char quote, int line) {
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw GoTemplateException.syntax("unterminated quoted string", line);
    }

    static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
