package io.sluice.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the Go template form of a key transform into Qute. Supported: text, {@code {{ .value }}},
 * pipelines such as {@code {{ .value | upper }}} or {@code {{ .value | replace "-" "_" | lower }}}, the call
 * form {@code {{ trimPrefix "app_" .value }}}, and the whitespace trims <code>&#123;&#123;-</code> and
 * <code>-&#125;&#125;</code>, with the
 * functions of {@link KeyFunctions}. Anything else (other fields, variables, {@code if}, {@code range},
 * other functions) is rejected with an error naming it. String arguments travel as template data, so they
 * need no Qute quoting.
 */
final class GoKeyTemplate {

    /** The Qute text and the data its argument names refer to. */
    record Translation(String qute, Map<String, String> args) {
    }

    private final String source;
    private final StringBuilder qute = new StringBuilder();
    private final Map<String, String> args = new LinkedHashMap<>();

    private GoKeyTemplate(String source) {
        this.source = source;
    }

    static boolean isGoForm(String template) {
        return template.contains("{{");
    }

    static Translation translate(String template) {
        GoKeyTemplate translator = new GoKeyTemplate(template);
        translator.run();
        return new Translation(translator.qute.toString(), translator.args);
    }

    private void run() {
        int pos = 0;
        boolean trimNext = false;
        while (pos < source.length()) {
            int open = source.indexOf("{{", pos);
            int close = open < 0 ? -1 : source.indexOf("}}", open + 2);
            String text = source.substring(pos, open < 0 || close < 0 ? source.length() : open);
            if (open < 0 || close < 0) {
                if (open >= 0) {
                    throw new ExtractionException.InvalidRewrite("transform template has an unclosed action: " + source);
                }
                appendText(trimNext ? text.stripLeading() : text);
                return;
            }
            String action = source.substring(open + 2, close);
            boolean trimBefore = action.startsWith("- ") || action.equals("-");
            boolean trimAfter = action.endsWith(" -");
            appendText(trimBefore ? (trimNext ? text.strip() : text.stripTrailing()) : (trimNext ? text.stripLeading() : text));
            appendAction(action.substring(trimBefore ? 1 : 0, action.length() - (trimAfter ? 1 : 0)));
            trimNext = trimAfter;
            pos = close + 2;
        }
    }

    private void appendText(String text) {
        qute.append(text.replace("{", "\\{").replace("}", "\\}"));
    }

    private void appendAction(String action) {
        List<List<String>> commands = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String token : GoTemplateTokens.split(action, source)) {
            if (token.equals("|")) {
                commands.add(command);
                command = new ArrayList<>();
            } else {
                command.add(token);
            }
        }
        commands.add(command);
        StringBuilder expression = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            appendCommand(commands.get(i), i == 0, expression);
        }
        qute.append('{').append(expression).append('}');
    }

    /** The first command yields the value; later commands receive it as their last argument. */
    private void appendCommand(List<String> tokens, boolean first, StringBuilder expression) {
        if (tokens.isEmpty()) {
            throw unsupported("an empty command");
        }
        List<String> arguments = new ArrayList<>(tokens.subList(1, tokens.size()));
        if (first) {
            if (tokens.equals(List.of(".value"))) {
                expression.append("value");
                return;
            }
            if (arguments.isEmpty() || !arguments.getLast().equals(".value")) {
                throw unsupported(String.join(" ", tokens));
            }
            arguments.removeLast();
            expression.append("value");
        }
        String function = tokens.getFirst();
        if (!KeyFunctions.ARITY.containsKey(function)) {
            throw unsupported(function);
        }
        for (String argument : arguments) {
            if (!GoTemplateTokens.isStringLiteral(argument)) {
                throw unsupported(argument);
            }
        }
        if (arguments.size() != KeyFunctions.ARITY.get(function)) {
            throw new ExtractionException.InvalidRewrite("function " + function + " takes "
                    + KeyFunctions.ARITY.get(function) + " argument(s) in transform template: " + source);
        }
        expression.append('.').append(function);
        if (!arguments.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String argument : arguments) {
                String name = "arg" + args.size();
                args.put(name, GoTemplateTokens.unquote(argument));
                names.add(name);
            }
            expression.append('(').append(String.join(",", names)).append(')');
        }
    }

    private ExtractionException unsupported(String construct) {
        return new ExtractionException.UnsupportedRewrite("transform template uses " + construct
                + ", which Sluice does not support: use .value with upper, lower, replace, trimPrefix or"
                + " trimSuffix, or a Qute template such as {value.upper}: " + source);
    }
}
