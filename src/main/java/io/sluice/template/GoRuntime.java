package io.sluice.template;

import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.ValueResolver;
import io.sluice.template.functions.Args;
import io.sluice.template.functions.FunctionFailure;
import io.sluice.template.functions.GoKinds;
import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What translated Go templates need beyond the function library, in the {@code go:} namespace:
 * {@code go:values} (Go's {@code .} at the root: every fetched value), {@code go:range(x)} (what Go's
 * range visits: a map's entries in sorted key order, a list's index and element, 0..n-1 for a number)
 * and variables that can be re-assigned ({@code go:variable(x)}, {@code go:assign(v, x)}).
 */
final class GoRuntime {
    static final String NAMESPACE = "go";

    private GoRuntime() {}

    /** A Go template variable assigned again with {@code $x = ...}: Qute's let values cannot change. */
    static final class Variable {
        private Object value;

        Variable(Object value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "<variable>";
        }
    }

    static NamespaceResolver namespace() {
        return NamespaceResolver.builder(NAMESPACE)
                .resolveAsync(ctx -> switch (ctx.getName()) {
                    case "values" -> CompletableFuture.completedFuture(root(ctx.resolutionContext()));
                    case "range" -> param(ctx, 0).thenApply(GoRuntime::range);
                    case "variable" -> param(ctx, 0).thenApply(Variable::new);
                    case "assign" ->
                        param(ctx, 0).thenCombine(param(ctx, 1), (variable, value) -> {
                            ((Variable) variable).value = value;
                            return "";
                        });
                    default -> throw new IllegalStateException("unknown go: helper " + ctx.getName());
                })
                .build();
    }

    static ValueResolver variableValue() {
        return ValueResolver.builder()
                .appliesTo(ctx ->
                        ctx.getBase() instanceof Variable && ctx.getName().equals("value"))
                .resolveSync(ctx -> ((Variable) ctx.getBase()).value)
                .build();
    }

    private static CompletionStage<Object> param(EvalContext ctx, int index) {
        return ctx.evaluate(ctx.getParams().get(index));
    }

    private static Object root(ResolutionContext context) {
        ResolutionContext current = context;
        while (current.getParent() != null) {
            current = current.getParent();
        }
        return current.getData();
    }

    static List<Map.Entry<Object, Object>> range(Object value) {
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        switch (value) {
            case null -> {}
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>((a, b) ->
                        Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
                map.forEach((k, v) -> sorted.put(Args.text(k), v));
                sorted.forEach((k, v) -> out.add(new SimpleImmutableEntry<>(k, v)));
            }
            case Collection<?> items -> {
                long index = 0;
                for (Object item : items) {
                    out.add(new SimpleImmutableEntry<>(index++, item));
                }
            }
            case Number n
            when n.doubleValue() == n.longValue() -> {
                TemplateLimitExceeded.checkResultSize("range", n.longValue());
                for (long i = 0; i < n.longValue(); i++) {
                    out.add(new SimpleImmutableEntry<>(i, i));
                }
            }
            default -> throw new FunctionFailure("range", "range can't iterate over a " + GoKinds.describe(value));
        }
        if (out.size() > TemplateLimits.MAX_LOOP_STEPS) {
            throw new TemplateLimitExceeded("a loop over " + String.format("%,d", out.size())
                    + " items would exceed the limit of " + String.format("%,d", TemplateLimits.MAX_LOOP_STEPS)
                    + " loop steps");
        }
        return out;
    }
}
