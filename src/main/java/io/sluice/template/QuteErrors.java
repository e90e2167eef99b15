package io.sluice.template;

import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode.Origin;
import io.sluice.template.functions.FunctionFailure;
import io.sluice.template.functions.UnknownFunction;
import java.util.List;

import java.util.regex.Pattern;

/** Turns Qute's and the functions' failures into Sluice {@link TemplateException}s. */
final class QuteErrors {
    private static final Pattern QUTE_PREFIX = Pattern.compile("^(Rendering|Parser) error: ");
    private static final Pattern KEY_NOT_FOUND = Pattern.compile("^Key \"[^\"]*\" not found in the map");
    private static final String DOCS = "see docs/templating.md";

    private QuteErrors() {
    }

    static TemplateException parseFailure(String where, io.quarkus.qute.TemplateException e, boolean translated) {
        return new TemplateException(TemplateErrorReason.TemplateSyntaxError, where,
                where + ": syntax error" + location(e.getOrigin(), translated) + ": " + problem(e));
    }

    static TemplateException renderFailure(String where, Throwable failure, Template template,
            boolean translated, TemplateValues values) {
        FunctionFailure function = find(failure, FunctionFailure.class);
        if (function != null) {
            TemplateErrorReason reason = function instanceof UnknownFunction
                    ? TemplateErrorReason.TemplateUnknownFunction : TemplateErrorReason.TemplateFunctionError;
            String text = where + ": function " + function.getMessage()
                    + functionLocation(template, function.function(), translated)
                    + (reason == TemplateErrorReason.TemplateUnknownFunction ? " (" + DOCS + " lists the functions)" : "");
            return new TemplateException(reason, where, values.redact(text));
        }
        MissingKey missing = find(failure, MissingKey.class);
        if (missing != null) {
            return new TemplateException(TemplateErrorReason.TemplateKeyNotFound, where,
                    values.redact(where + ": unknown key" + functionLocation(template, missing.key(), translated)
                            + ": " + missing.getMessage()));
        }
        io.quarkus.qute.TemplateException qute = find(failure, io.quarkus.qute.TemplateException.class);
        if (qute == null) {
            return new TemplateException(TemplateErrorReason.TemplateFunctionError, where,
                    where + ": rendering failed (" + failure.getClass().getSimpleName() + ")");
        }
        String problem = problem(qute);
        TemplateErrorReason reason = KEY_NOT_FOUND.matcher(problem).find()
                ? TemplateErrorReason.TemplateKeyNotFound
                : problem.contains("not found") || problem.contains("No namespace resolver")
                        ? TemplateErrorReason.TemplateUnknownFunction
                        : TemplateErrorReason.TemplateFunctionError;
        return new TemplateException(reason, where,
                values.redact(where + ": " + describe(reason) + location(qute.getOrigin(), translated) + ": " + problem));
    }

    private static String describe(TemplateErrorReason reason) {
        return switch (reason) {
            case TemplateKeyNotFound -> "unknown key";
            case TemplateUnknownFunction -> "unknown function or property";
            default -> "rendering failed";
        };
    }

    private static String problem(io.quarkus.qute.TemplateException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return QUTE_PREFIX.matcher(message).replaceFirst("");
    }

    private static String location(Origin origin, boolean translated) {
        if (origin == null || origin.getLine() <= 0) {
            return "";
        }
        // the column of a translated Go template points into the Qute text, so only the line is given
        return translated ? " at line " + origin.getLine()
                : " at line " + origin.getLine() + ", column " + origin.getLineCharacterStart();
    }

    private static String functionLocation(Template template, String function, boolean translated) {
        List<Expression> uses = template.getExpressions().stream()
                .filter(e -> e.getParts().stream().anyMatch(p -> p.getName().equals(function)))
                .toList();
        if (uses.size() != 1) {
            return uses.isEmpty() ? "" : " (used at lines " + uses.stream()
                    .map(e -> String.valueOf(e.getOrigin().getLine())).distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("") + ")";
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
