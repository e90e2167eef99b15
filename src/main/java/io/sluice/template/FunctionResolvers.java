package io.sluice.template;

import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.ValueResolver;
import io.sluice.template.functions.FunctionLibrary;
import io.sluice.template.functions.UnknownFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Exposes the function library to Qute without reflection, in two forms that mean the same call:
 * <ul>
 *   <li>{@code {value.fn(a, b)}} is {@code fn a b value}: the subject comes last, like a Go pipeline;</li>
 *   <li>{@code {fn:fn(a, b, value)}} lists the arguments in Go order.</li>
 * </ul>
 * And the {@code data:} namespace reaches any fetched key: {@code {data:['db-password']}}.
 */
final class FunctionResolvers {
    static final String FUNCTION_NAMESPACE = "fn";
    static final String DATA_NAMESPACE = "data";
    /** Below Qute's built-in resolvers, so a map key or a loop variable wins over a function name. */
    private static final int FUNCTION_PRIORITY = -1;

    private FunctionResolvers() {}

    static ValueResolver methods(FunctionLibrary library) {
        return ValueResolver.builder()
                .priority(FUNCTION_PRIORITY)
                .appliesTo(ctx -> ctx.getBase() != null && library.has(ctx.getName()))
                .resolveAsync(ctx -> evaluateParams(ctx).thenApply(args -> {
                    args.add(ctx.getBase());
                    return call(library, ctx, args);
                }))
                .build();
    }

    static NamespaceResolver functions(FunctionLibrary library) {
        return NamespaceResolver.builder(FUNCTION_NAMESPACE)
                .resolveAsync(ctx -> {
                    if (!library.has(ctx.getName())) {
                        throw new UnknownFunction(ctx.getName());
                    }
                    return evaluateParams(ctx).thenApply(args -> call(library, ctx, args));
                })
                .build();
    }

    static NamespaceResolver data() {
        return NamespaceResolver.builder(DATA_NAMESPACE)
                .resolveAsync(ctx -> {
                    Map<?, ?> root = rootData(ctx.resolutionContext());
                    if (root == null || !root.containsKey(ctx.getName())) {
                        throw new MissingKey(ctx.getName(), root == null ? List.of() : root.keySet());
                    }
                    return CompletableFuture.completedFuture(root.get(ctx.getName()));
                })
                .build();
    }

    /** Calls a function and charges its result to the render's budget. */
    private static Object call(FunctionLibrary library, EvalContext ctx, List<Object> args) {
        Object result = library.call(ctx.getName(), args);
        RenderBudget.of(ctx.resolutionContext()).functionResult(ctx.getName(), result);
        return result;
    }

    private static Map<?, ?> rootData(ResolutionContext context) {
        ResolutionContext current = context;
        while (current.getParent() != null) {
            current = current.getParent();
        }
        return current.getData() instanceof Map<?, ?> map ? map : null;
    }

    private static CompletionStage<List<Object>> evaluateParams(EvalContext ctx) {
        List<CompletableFuture<Object>> values = new ArrayList<>();
        for (Expression param : ctx.getParams()) {
            values.add(ctx.evaluate(param).toCompletableFuture());
        }
        return CompletableFuture.allOf(values.toArray(new CompletableFuture[0])).thenApply(done -> {
            List<Object> args = new ArrayList<>(values.size() + 1);
            values.forEach(v -> args.add(v.join()));
            return args;
        });
    }
}
