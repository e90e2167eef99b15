package io.sluice.manifests.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Estimates a rule's cost per evaluation the way the Kubernetes API server does when a CRD is created
 * (cel-go's static estimator, with presence tests free as Kubernetes configures it), for the part of CEL whose
 * cost does not depend on the size of any list, map or string: field access, {@code has()}, logic, integer
 * arithmetic, {@code size()}, map membership and comparisons with a literal or a bounded string.
 * <p>
 * Anything else is reported as a problem rather than priced: list and map literals, macros ({@code all},
 * {@code exists}, {@code filter}, {@code map}...), string or list concatenation, {@code in} on a list,
 * comparisons of two strings without maxLength, and any other function. The API server multiplies a rule's
 * cost by the number of times its object can occur in a request, about a million inside an unbounded array, so
 * these constructs either exceed the budget there or need bounds in the schema and a real estimate.
 */
public final class ConstantCostEstimator {
    private static final CelCompiler PARSER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();
    private static final double STRING_TRAVERSAL_COST_FACTOR = 0.1;
    private static final Set<String> ARITHMETIC = Set.of("_+_", "_-_", "_*_", "_/_", "_%_");
    private static final Set<String> COMPARISONS = Set.of("_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_");
    private static final Set<String> BOOLEAN_OPERATORS = Set.of("_&&_", "_||_", "!_");

    /** The cost, valid only when {@code problems} is empty. */
    public record Estimate(long cost, List<String> problems) {
        public boolean constant() {
            return problems.isEmpty();
        }
    }

    private final JsonNode selfSchema;
    private final List<String> problems = new ArrayList<>();

    private ConstantCostEstimator(JsonNode selfSchema) {
        this.selfSchema = selfSchema;
    }

    /** @param selfSchema the OpenAPI schema of the value the rule sees as {@code self} (and {@code oldSelf}) */
    public static Estimate estimate(String rule, JsonNode selfSchema) {
        CelExpr parsed;
        try {
            parsed = PARSER.parse(rule).getAst().getExpr();
        } catch (CelValidationException e) {
            return new Estimate(0, List.of("does not parse: " + e.getMessage()));
        }
        ConstantCostEstimator estimator = new ConstantCostEstimator(selfSchema);
        long cost = estimator.cost(parsed);
        return new Estimate(cost, List.copyOf(estimator.problems));
    }

    private long cost(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT:
                return 0;
            case IDENT:
                return 1;
            case SELECT:
                // has(a.b) costs what evaluating a costs: Kubernetes makes the presence test itself free
                return cost(e.select().operand()) + (e.select().testOnly() ? 0 : 1);
            case CALL:
                return callCost(e.call());
            case LIST:
            case MAP:
            case STRUCT:
                problems.add("builds a " + e.getKind().name().toLowerCase() + " literal; write \"exactly one of\" as "
                        + "(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) == 1");
                return 0;
            case COMPREHENSION:
                problems.add(
                        "runs a macro (all, exists, exists_one, filter, map): its cost grows with the list it walks");
                return cost(e.comprehension().iterRange());
            default:
                problems.add("unsupported expression " + e);
                return 0;
        }
    }

    private long callCost(CelExpr.CelCall call) {
        List<CelExpr> operands = new ArrayList<>();
        call.target().ifPresent(operands::add);
        operands.addAll(call.args());
        String function = call.function();
        if (function.equals("_?_:_")) {
            return cost(operands.get(0)) + Math.max(cost(operands.get(1)), cost(operands.get(2)));
        }
        long operandCost = 0;
        for (CelExpr operand : operands) {
            operandCost += cost(operand);
        }
        if (function.equals("_&&_") || function.equals("_||_")) {
            return operandCost;
        }
        if (COMPARISONS.contains(function)) {
            OptionalLong left = size(operands.get(0));
            OptionalLong right = size(operands.get(1));
            if (left.isEmpty() && right.isEmpty()) {
                problems.add(function + " compares two values of unbounded size (give the string fields a maxLength)");
                return operandCost;
            }
            long smaller = Math.min(left.orElse(Long.MAX_VALUE), right.orElse(Long.MAX_VALUE));
            return (long) Math.ceil(smaller * STRING_TRAVERSAL_COST_FACTOR) + operandCost;
        }
        if (ARITHMETIC.contains(function) && !(isNumber(operands.get(0)) && isNumber(operands.get(1)))) {
            problems.add(function + " on values that are not plainly numbers: string and list concatenation cost "
                    + "grows with their size");
        } else if (function.equals("@in") && !isMap(operands.get(1))) {
            problems.add("`in` on something that is not a map: membership in a list costs its length");
        } else if (!ARITHMETIC.contains(function)
                && !BOOLEAN_OPERATORS.contains(function)
                && !Set.of("@in", "-_", "size", "_[_]").contains(function)) {
            problems.add("calls " + function + ", whose cost is not known here to be constant");
        }
        return 1 + operandCost;
    }

    /** An upper bound of CEL's size() of the value, for comparisons; empty when it is unbounded. */
    private OptionalLong size(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
            CelConstant constant = e.constant();
            return switch (constant.getKind()) {
                case STRING_VALUE ->
                    OptionalLong.of(constant.stringValue()
                            .codePointCount(0, constant.stringValue().length()));
                case BYTES_VALUE -> OptionalLong.of(constant.bytesValue().size());
                default -> OptionalLong.of(1);
            };
        }
        if (isNumber(e) || isBoolean(e)) {
            return OptionalLong.of(1);
        }
        JsonNode schema = schemaOf(e);
        if (schema != null && schema.path("type").asText().equals("string") && schema.has("maxLength")) {
            return OptionalLong.of(schema.get("maxLength").asLong());
        }
        return OptionalLong.empty();
    }

    private boolean isNumber(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT:
                return Set.of(
                                CelConstant.Kind.INT64_VALUE,
                                CelConstant.Kind.UINT64_VALUE,
                                CelConstant.Kind.DOUBLE_VALUE)
                        .contains(e.constant().getKind());
            case CALL:
                List<CelExpr> args = e.call().args();
                String function = e.call().function();
                if (function.equals("_?_:_")) {
                    return isNumber(args.get(1)) && isNumber(args.get(2));
                }
                if (ARITHMETIC.contains(function)) {
                    return isNumber(args.get(0)) && isNumber(args.get(1));
                }
                return function.equals("size") || (function.equals("-_") && isNumber(args.get(0)));
            default:
                JsonNode schema = schemaOf(e);
                return schema != null
                        && Set.of("integer", "number")
                                .contains(schema.path("type").asText());
        }
    }

    private boolean isBoolean(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && e.select().testOnly()) {
            return true;
        }
        if (e.getKind() == CelExpr.ExprKind.Kind.CALL) {
            String function = e.call().function();
            return BOOLEAN_OPERATORS.contains(function) || COMPARISONS.contains(function) || function.equals("@in");
        }
        if (e.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
            return e.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE;
        }
        JsonNode schema = schemaOf(e);
        return schema != null && schema.path("type").asText().equals("boolean");
    }

    private boolean isMap(CelExpr e) {
        JsonNode schema = schemaOf(e);
        return schema != null && schema.path("additionalProperties").isObject();
    }

    /** The schema of a field path from self, or null when the expression is not one. */
    private JsonNode schemaOf(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            String name = e.ident().name();
            return name.equals("self") || name.equals("oldSelf") ? selfSchema : null;
        }
        if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()) {
            JsonNode parent = schemaOf(e.select().operand());
            if (parent == null) {
                return null;
            }
            JsonNode property = parent.path("properties").path(e.select().field());
            if (property.isObject()) {
                return property;
            }
            return parent.path("additionalProperties").isObject() ? parent.get("additionalProperties") : null;
        }
        return null;
    }
}
