package io.sluice.template;

import io.quarkus.qute.ErrorCode;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode.Origin;
import io.sluice.template.functions.FunctionFailure;
import io.sluice.template.functions.UnknownFunction;
import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Qute's and the functions' failures into Sluice {@link TemplateException}s. Qute's own
 * messages quote the template text (which may be a PEM held in a Secret) and the value a property
 * was looked up on, so they are never used: a message is built from Qute's error code, the line and
 * column, and at most an identifier-like name of the key, function or section involved.
 */
final class QuteErrors {
    private static final Pattern NOT_FOUND = Pattern.compile("^(Key|Property) \"([^\"]*)\" not found");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,47}");
    private static final String DOCS = "see docs/templating.md";
    private static final Map<String, String> PARSE_PROBLEMS = Map.ofEntries(
            Map.entry("UNTERMINATED_EXPRESSION", "unterminated expression (a '{' without its '}')"),
            Map.entry("UNTERMINATED_SECTION", "unterminated section"),
            Map.entry("UNTERMINATED_STRING_LITERAL", "unterminated string literal"),
            Map.entry(
                    "UNTERMINATED_STRING_LITERAL_OR_COMPOSITE_PARAMETER", "unterminated string literal or parenthesis"),
            Map.entry("NO_SECTION_HELPER_FOUND", "unknown section"),
            Map.entry("SECTION_END_DOES_NOT_MATCH_START", "section end does not match its start"),
            Map.entry("SECTION_BLOCK_END_DOES_NOT_MATCH_START", "section block end does not match its start"),
            Map.entry("SECTION_START_NOT_FOUND", "section end without a start"),
            Map.entry("EMPTY_EXPRESSION", "empty expression"),
            Map.entry("INVALID_IDENTIFIER", "invalid identifier"),
            Map.entry("MANDATORY_SECTION_PARAMS_MISSING", "a section is missing its parameters"));

    private QuteErrors() {}

    static TemplateException parseFailure(String where, io.quarkus.qute.TemplateException e, boolean translated) {
        String problem = PARSE_PROBLEMS.getOrDefault(code(e), describe(e.getCode()));
        return new TemplateException(
                TemplateErrorReason.TemplateSyntaxError,
                where,
                where + ": syntax error" + location(e.getOrigin(), translated) + ": " + problem + section(e));
    }

    /** A bound from {@link TemplateLimits} was hit, or parsing or rendering ran out of stack. */
    static TemplateException limitFailure(String where, Throwable failure) {
        String problem = failure instanceof TemplateLimitExceeded
                ? failure.getMessage()
                : "the template is nested too deeply to process (limit " + TemplateLimits.MAX_NESTING + " levels)";
        return new TemplateException(
                TemplateErrorReason.TemplateLimitExceeded, where, where + ": template limit exceeded: " + problem);
    }

    static TemplateException renderFailure(
            String where, Throwable failure, Template template, boolean translated, TemplateValues values) {
        Throwable limit = find(failure, TemplateLimitExceeded.class);
        if (limit != null || find(failure, StackOverflowError.class) != null) {
            return limitFailure(where, limit != null ? limit : new StackOverflowError());
        }
        FunctionFailure function = find(failure, FunctionFailure.class);
        if (function != null) {
            TemplateErrorReason reason = function instanceof UnknownFunction
                    ? TemplateErrorReason.TemplateUnknownFunction
                    : TemplateErrorReason.TemplateFunctionError;
            String text = where + ": function " + function.getMessage()
                    + functionLocation(template, function.function(), translated)
                    + (reason == TemplateErrorReason.TemplateUnknownFunction
                            ? " (" + DOCS + " lists the functions)"
                            : "");
            return new TemplateException(reason, where, values.redact(text));
        }
        MissingKey missing = find(failure, MissingKey.class);
        if (missing != null) {
            return new TemplateException(
                    TemplateErrorReason.TemplateKeyNotFound,
                    where,
                    values.redact(where + ": unknown key" + functionLocation(template, missing.key(), translated) + ": "
                            + missing.getMessage()));
        }
        io.quarkus.qute.TemplateException qute = find(failure, io.quarkus.qute.TemplateException.class);
        if (qute == null) {
            return new TemplateException(
                    TemplateErrorReason.TemplateFunctionError,
                    where,
                    where + ": rendering failed (" + failure.getClass().getSimpleName() + ")");
        }
        return quteRenderFailure(where, qute, translated, values);
    }

    private static TemplateException quteRenderFailure(
            String where, io.quarkus.qute.TemplateException qute, boolean translated, TemplateValues values) {
        String code = code(qute);
        TemplateErrorReason reason;
        String problem;
        Matcher notFound = NOT_FOUND.matcher(String.valueOf(arguments(qute).get("prop")));
        if (code.equals("PROPERTY_NOT_FOUND") && notFound.find()) {
            boolean key = notFound.group(1).equals("Key");
            reason = key ? TemplateErrorReason.TemplateKeyNotFound : TemplateErrorReason.TemplateUnknownFunction;
            problem = (key ? "unknown key" : "unknown function or property")
                    + location(qute.getOrigin(), translated)
                    + name(notFound.group(2))
                            .map(n -> ": \"" + n + "\" not found")
                            .orElse("");
        } else if (code.equals("NAMESPACE_RESOLVER_NOT_FOUND")) {
            reason = TemplateErrorReason.TemplateUnknownFunction;
            problem = "unknown namespace" + location(qute.getOrigin(), translated)
                    + name(arguments(qute).get("namespace")).map(n -> ": " + n).orElse("");
        } else if (code.equals("ITERABLE_NOT_FOUND") || code.equals("NOT_AN_ITERABLE")) {
            reason = TemplateErrorReason.TemplateFunctionError;
            problem = "rendering failed" + location(qute.getOrigin(), translated)
                    + ": a loop's value is missing or not a list or map";
        } else {
            reason = TemplateErrorReason.TemplateFunctionError;
            problem = "rendering failed" + location(qute.getOrigin(), translated) + ": " + describe(qute.getCode());
        }
        return new TemplateException(reason, where, values.redact(where + ": " + problem));
    }

    private static Map<String, Object> arguments(io.quarkus.qute.TemplateException e) {
        return e.getArguments() == null ? Map.of() : e.getArguments();
    }

    /** The code's constant name, without the prefix {@link ErrorCode#getName()} adds. */
    private static String code(io.quarkus.qute.TemplateException e) {
        return name(e.getCode());
    }

    private static String name(ErrorCode code) {
        return code instanceof Enum<?> constant ? constant.name() : code == null ? "" : code.getName();
    }

    /** The code name in words ("SECTION_START_NOT_FOUND" reads "section start not found"). */
    private static String describe(ErrorCode code) {
        return code == null
                ? "invalid template"
                : name(code).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String section(io.quarkus.qute.TemplateException e) {
        return name(arguments(e).get("tag")).map(tag -> " {#" + tag + "}").orElse("");
    }

    /** A key, function or section name when it looks like one; anything else may be a value. */
    private static Optional<String> name(Object candidate) {
        return candidate instanceof String s && IDENTIFIER.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    private static String location(Origin origin, boolean translated) {
        if (origin == null || origin.getLine() <= 0) {
            return "";
        }
        // the column of a translated Go template points into the Qute text, so only the line is given
        return translated
                ? " at line " + origin.getLine()
                : " at line " + origin.getLine() + ", column " + origin.getLineCharacterStart();
    }

    private static String functionLocation(Template template, String function, boolean translated) {
        List<Expression> uses = template.getExpressions().stream()
                .filter(e -> e.getParts().stream().anyMatch(p -> p.getName().equals(function)))
                .toList();
        if (uses.size() != 1) {
            return uses.isEmpty()
                    ? ""
                    : " (used at lines "
                            + uses.stream()
                                    .map(e -> String.valueOf(e.getOrigin().getLine()))
                                    .distinct()
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("")
                            + ")";
        }
        return location(uses.get(0).getOrigin(), translated);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
