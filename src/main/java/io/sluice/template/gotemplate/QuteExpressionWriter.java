package io.sluice.template.gotemplate;

import io.sluice.template.functions.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes a parsed Go pipeline as a Qute expression (for output and #let/#for) or condition (for #if). */
final class QuteExpressionWriter {
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, String> COMPARISONS =
            Map.of("eq", "==", "ne", "!=", "lt", "<", "le", "<=", "gt", ">", "ge", ">=");
    /** Names Qute's own resolvers answer on a map, list or entry: as methods they would not reach the library. */
    private static final Set<String> QUTE_BUILTINS = Set.of(
            "keys",
            "values",
            "get",
            "first",
            "last",
            "contains",
            "size",
            "isEmpty",
            "containsKey",
            "take",
            "takeLast",
            "or",
            "orEmpty",
            "key",
            "value",
            "raw",
            "safe");

    private static final Set<String> CONDITION_ONLY = Set.of("eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not");

    /** A Qute expression; {@code chainable} when a method can be called on it ({@code x.f()}). */
    record Expr(String text, boolean chainable) {}

    /** What {@code .}, {@code $} and variables mean where the action stands. */
    interface Scope {
        /** The Qute name for {@code .}, or null at the root. */
        String dot();

        /** The Qute name for {@code $name}, or null when undefined. */
        String variable(String name);

        /** True inside #for or #let, where a bare Qute name could be shadowed. */
        boolean nested();
    }

    /** Go's {@code .} at the root (and {@code $}): the map of every fetched value. */
    static final String ROOT = "go:values";

    private final FunctionLibrary library;
    private final int line;

    QuteExpressionWriter(FunctionLibrary library, int line) {
        this.library = library;
        this.line = line;
    }

    Expr expression(GoNode node, Scope scope) {
        return switch (node) {
            case GoNode.Dot dot -> {
                yield new Expr(scope.dot() == null ? ROOT : scope.dot(), true);
            }
            case GoNode.Variable variable -> new Expr(variable(variable.name(), scope), true);
            case GoNode.Fields fields -> fields(fields, scope);
            case GoNode.Text text -> new Expr(literal(text.value()), false);
            case GoNode.Constant constant -> new Expr(constant.token(), false);
            case GoNode.Call call ->
                call.function().equals("index")
                        ? index(call.args(), scope)
                        : call(call.function(), args(call.args(), scope));
            case GoNode.Pipeline pipeline -> pipeline(pipeline, scope);
        };
    }

    /** A Qute #if condition: comparisons and and/or/not become operators, anything else is tested for truth. */
    String condition(GoNode node, Scope scope) {
        if (node instanceof GoNode.Call call && CONDITION_ONLY.contains(call.function())) {
            List<GoNode> args = call.args();
            String op = COMPARISONS.get(call.function());
            if (op != null) {
                requireArgs(call, 2);
                return "(" + operand(args.get(0), scope) + " " + op + " " + operand(args.get(1), scope) + ")";
            }
            if (call.function().equals("not")) {
                requireArgs(call, 1);
                if (args.get(0) instanceof GoNode.Call inner && COMPARISONS.containsKey(inner.function())) {
                    requireArgs(inner, 2);
                    return "(" + operand(inner.args().get(0), scope) + " " + negate(inner.function()) + " "
                            + operand(inner.args().get(1), scope) + ")";
                }
                Expr negated = expression(args.get(0), scope);
                if (!negated.chainable()) {
                    throw GoTemplateException.unsupported("not on a complex value", line);
                }
                return "!" + negated.text();
            }
            if (args.size() < 2) {
                throw GoTemplateException.unsupported(call.function() + " with fewer than two arguments", line);
            }
            List<String> parts = new ArrayList<>();
            for (GoNode arg : args) {
                parts.add(condition(arg, scope));
            }
            return "(" + String.join(call.function().equals("and") ? " && " : " || ", parts) + ")";
        }
        return expression(node, scope).text();
    }

    private String operand(GoNode node, Scope scope) {
        return expression(node, scope).text();
    }

    private static String negate(String comparison) {
        return switch (comparison) {
            case "eq" -> "!=";
            case "ne" -> "==";
            case "lt" -> ">=";
            case "le" -> ">";
            case "gt" -> "<=";
            default -> "<";
        };
    }

    private void requireArgs(GoNode.Call call, int count) {
        if (call.args().size() != count) {
            throw GoTemplateException.unsupported(
                    call.function() + " with " + call.args().size() + " arguments", line);
        }
    }

    private Expr pipeline(GoNode.Pipeline pipeline, Scope scope) {
        Expr value = expression(pipeline.stages().get(0), scope);
        for (GoNode stage : pipeline.stages().subList(1, pipeline.stages().size())) {
            if (!(stage instanceof GoNode.Call call)) {
                throw GoTemplateException.syntax("a pipeline stage after | must be a function", line);
            }
            List<Expr> args = args(call.args(), scope);
            args.add(value);
            if (call.function().equals("index")) {
                throw GoTemplateException.unsupported("index in a pipeline", line);
            }
            value = call(call.function(), args);
        }
        return value;
    }

    private List<Expr> args(List<GoNode> nodes, Scope scope) {
        List<Expr> args = new ArrayList<>();
        for (GoNode node : nodes) {
            args.add(expression(node, scope));
        }
        return args;
    }

    private Expr call(String function, List<Expr> args) {
        if (CONDITION_ONLY.contains(function)) {
            throw GoTemplateException.unsupported(function + " outside an if condition", line);
        }
        if (!library.has(function)) {
            throw GoTemplateException.unsupported("function " + GoTemplateException.name(function), line);
        }
        boolean variadic = library.find(function).map(f -> f.maxArgs() < 0).orElse(false);
        if (!variadic
                && !QUTE_BUILTINS.contains(function)
                && !args.isEmpty()
                && args.get(args.size() - 1).chainable()) {
            Expr subject = args.get(args.size() - 1);
            List<Expr> rest = args.subList(0, args.size() - 1);
            return new Expr(subject.text() + "." + function + (rest.isEmpty() ? "" : "(" + join(rest) + ")"), true);
        }
        return new Expr("fn:" + function + "(" + join(args) + ")", true);
    }

    /** {@code index . "key"} reads a fetched key (any characters); {@code index X k} reads a map or list. */
    private Expr index(List<GoNode> args, Scope scope) {
        if (args.size() < 2) {
            throw GoTemplateException.syntax("index needs a value and at least one key", line);
        }
        String text;
        List<GoNode> keys;
        if (isRoot(args.get(0), scope)) {
            if (args.get(1) instanceof GoNode.Text key) {
                text = keyReference(key.value(), scope);
                keys = args.subList(2, args.size());
            } else {
                text = ROOT;
                keys = args.subList(1, args.size());
            }
        } else {
            text = expression(args.get(0), scope).text();
            keys = args.subList(1, args.size());
        }
        for (GoNode key : keys) {
            text += ".get(" + expression(key, scope).text() + ")";
        }
        return new Expr(text, true);
    }

    private static boolean isRoot(GoNode node, Scope scope) {
        return (node instanceof GoNode.Dot && scope.dot() == null)
                || (node instanceof GoNode.Variable v && v.name().isEmpty());
    }

    private Expr fields(GoNode.Fields fields, Scope scope) {
        List<String> names = fields.names();
        String text;
        if (isRoot(fields.receiver(), scope)) {
            text = keyReference(names.get(0), scope);
            names = names.subList(1, names.size());
        } else {
            Expr receiver = expression(fields.receiver(), scope);
            if (!receiver.chainable()) {
                throw GoTemplateException.unsupported("field access on a literal", line);
            }
            text = receiver.text();
        }
        for (String name : names) {
            text += SIMPLE_KEY.matcher(name).matches() ? "." + name : ".get(" + literal(name) + ")";
        }
        return new Expr(text, true);
    }

    /** A fetched key: {@code name} when that is safe, else {@code data:['any-key']}. */
    private String keyReference(String key, Scope scope) {
        if (SIMPLE_KEY.matcher(key).matches() && !scope.nested() && !library.has(key)) {
            return key;
        }
        return "data:[" + literal(key) + "]";
    }

    private String variable(String name, Scope scope) {
        if (name.isEmpty()) {
            return ROOT;
        }
        String qute = scope.variable(name);
        if (qute == null) {
            throw GoTemplateException.syntax("undefined variable $" + GoTemplateException.name(name), line);
        }
        return qute;
    }

    private String literal(String value) {
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        throw GoTemplateException.unsupported("a string holding both ' and \"", line);
    }

    private static String join(List<Expr> args) {
        return String.join(",", args.stream().map(Expr::text).toList());
    }
}
