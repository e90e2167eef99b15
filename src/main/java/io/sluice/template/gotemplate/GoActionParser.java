package io.sluice.template.gotemplate;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses the pipeline inside one action: operands, function calls, parentheses and pipes. */
final class GoActionParser {
    /** A Go floating-point constant: Qute has no such literal, so it becomes a call to float64. */
    private static final Pattern FLOAT = Pattern.compile("[-+]?((\\d+\\.\\d*)([eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+)");

    private final String text;
    private final int line;
    private int pos;
    private int depth;

    GoActionParser(String text, int line) {
        this.text = text;
        this.line = line;
    }

    /** Parses the whole text as one pipeline. */
    GoNode pipeline() {
        GoNode result = parsePipeline();
        skipSpace();
        if (pos < text.length()) {
            throw GoTemplateException.syntax("unexpected text after the end of the pipeline", line);
        }
        return result;
    }

    private GoNode parsePipeline() {
        List<GoNode> stages = new ArrayList<>();
        stages.add(parseCommand());
        skipSpace();
        while (peek() == '|') {
            pos++;
            stages.add(parseCommand());
            skipSpace();
        }
        return stages.size() == 1 ? stages.get(0) : new GoNode.Pipeline(stages);
    }

    private GoNode parseCommand() {
        List<GoNode> operands = new ArrayList<>();
        skipSpace();
        while (pos < text.length() && peek() != '|' && peek() != ')') {
            operands.add(parseOperand());
            skipSpace();
        }
        if (operands.isEmpty()) {
            throw GoTemplateException.syntax("missing value in pipeline", line);
        }
        GoNode head = operands.get(0);
        if (head instanceof GoNode.Call call && call.args().isEmpty()) {
            return new GoNode.Call(call.function(), operands.subList(1, operands.size()));
        }
        if (operands.size() > 1) {
            throw GoTemplateException.syntax("a value cannot take arguments", line);
        }
        return head;
    }

    private GoNode parseOperand() {
        char c = peek();
        GoNode term;
        if (c == '(') {
            pos++;
            if (++depth > TemplateLimits.MAX_NESTING) {
                throw new TemplateLimitExceeded("parentheses are nested more than " + TemplateLimits.MAX_NESTING
                        + " levels deep at line " + line);
            }
            term = parsePipeline();
            skipSpace();
            expect(')');
            depth--;
        } else if (c == '.') {
            term = new GoNode.Dot();
        } else if (c == '$') {
            pos++;
            term = new GoNode.Variable(identifier());
        } else if (c == '"' || c == '`') {
            term = new GoNode.Text(stringLiteral(c));
        } else if (c == '\'') {
            throw GoTemplateException.unsupported("character constant", line);
        } else if (Character.isDigit(c) || c == '-' || c == '+') {
            term = new GoNode.Constant(number());
        } else if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            term = switch (name) {
                case "true", "false" -> new GoNode.Constant(name);
                case "nil" -> throw GoTemplateException.unsupported("nil", line);
                default -> new GoNode.Call(name, List.of());
            };
        } else {
            throw GoTemplateException.syntax("unexpected character in action", line);
        }
        List<String> fields = new ArrayList<>();
        while (peek() == '.') {
            pos++;
            String name = identifier();
            if (name.isEmpty()) {
                if (term instanceof GoNode.Dot && fields.isEmpty()) {
                    return term;
                }
                throw GoTemplateException.syntax("missing field name after '.'", line);
            }
            fields.add(name);
        }
        if (fields.isEmpty()) {
            return term;
        }
        if (term instanceof GoNode.Call call && call.args().isEmpty()) {
            throw GoTemplateException.unsupported(
                    "field access on function " + GoTemplateException.name(call.function()), line);
        }
        return new GoNode.Fields(term, fields);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String number() {
        int start = pos;
        pos++;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (FLOAT.matcher(token).matches()) {
            return "fn:float64('" + token + "')";
        }
        if (!token.matches("[-+]?\\d+")) {
            throw GoTemplateException.unsupported("number other than a decimal whole or floating-point number", line);
        }
        String whole = token.startsWith("+") ? token.substring(1) : token;
        return wholeNumber(whole);
    }

    /** Go's ints are 64-bit, Qute reads a plain literal as an int: a larger one needs Qute's long suffix. */
    private String wholeNumber(String token) {
        try {
            Integer.parseInt(token);
            return token;
        } catch (NumberFormatException notAnInt) {
            try {
                Long.parseLong(token);
                return token + "L";
            } catch (NumberFormatException notALong) {
                throw GoTemplateException.unsupported("whole number beyond 64 bits", line);
            }
        }
    }

    private String stringLiteral(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && quote == '"' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '"', '\\' -> out.append(escaped);
                    default ->
                        throw GoTemplateException.unsupported("string escape other than \\n \\t \\r \\\" \\\\", line);
                }
            } else {
                out.append(c);
            }
        }
        throw GoTemplateException.syntax("unterminated string", line);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw GoTemplateException.syntax("expected '" + c + "'", line);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
