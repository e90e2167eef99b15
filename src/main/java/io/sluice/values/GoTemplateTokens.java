package io.sluice.values;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of a Go template action into words, string literals and {@code |}. */
final class GoTemplateTokens {

    private GoTemplateTokens() {
    }

    static List<String> split(String action, String template) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '|') {
                tokens.add("|");
                i++;
            } else if (c == '"' || c == '`') {
                int end = literalEnd(action, i);
                if (end < 0) {
                    throw new ExtractionException.InvalidRewrite("transform template has an unterminated string: " + template);
                }
                tokens.add(action.substring(i, end));
                i = end;
            } else {
                int start = i;
                while (i < action.length() && !Character.isWhitespace(action.charAt(i)) && action.charAt(i) != '|') {
                    i++;
                }
                tokens.add(action.substring(start, i));
            }
        }
        return tokens;
    }

    /** The index just after the literal starting at {@code start}, or -1 when it is not terminated. */
    private static int literalEnd(String action, int start) {
        char quote = action.charAt(start);
        for (int i = start + 1; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return -1;
    }

    static boolean isStringLiteral(String token) {
        return token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '`');
    }

    /** The value of a Go string literal: raw for backquotes, with the common escapes for double quotes. */
    static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        if (literal.charAt(0) == '`') {
            return body;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char escaped = body.charAt(++i);
            out.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> escaped;
            });
        }
        return out.toString();
    }
}
