package io.sluice.values;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ValueResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The string functions a key transform may call as virtual methods on a string: {@code {value.upper}},
 * {@code {value.lower}}, {@code {value.replace('-','_')}} (every occurrence, literally),
 * {@code {value.trimPrefix('app_')}} and {@code {value.trimSuffix('_key')}}. They mirror the sprig
 * functions of the same names that ESO's Go templates offer.
 */
final class KeyFunctions implements ValueResolver {

    /** Function name to its number of arguments. */
    static final Map<String, Integer> ARITY = Map.of(
            "upper", 0, "lower", 0, "replace", 2, "trimPrefix", 1, "trimSuffix", 1);

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof String && ARITY.containsKey(context.getName());
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        String name = context.getName();
        List<String> args = new ArrayList<>();
        for (Expression param : context.getParams()) {
            args.add(String.valueOf(context.evaluate(param).toCompletableFuture().join()));
        }
        if (args.size() != ARITY.get(name)) {
            return CompletedStage.failure(new ExtractionException.InvalidRewrite(
                    "function " + name + " takes " + ARITY.get(name) + " argument(s), got " + args.size()));
        }
        return CompletedStage.of(apply(name, (String) context.getBase(), args));
    }

    static String apply(String name, String value, List<String> args) {
        return switch (name) {
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "lower" -> value.toLowerCase(Locale.ROOT);
            case "replace" -> value.replace(args.get(0), args.get(1));
            case "trimPrefix" -> value.startsWith(args.get(0)) ? value.substring(args.get(0).length()) : value;
            case "trimSuffix" -> value.endsWith(args.get(0))
                    ? value.substring(0, value.length() - args.get(0).length()) : value;
            default -> throw new IllegalArgumentException("unknown key function " + name);
        };
    }
}
