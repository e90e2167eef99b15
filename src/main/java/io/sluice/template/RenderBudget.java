package io.sluice.template;

import io.quarkus.qute.ResolutionContext;
import io.sluice.template.functions.ValueSize;
import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;

/**
 * What one render has spent of the {@link TemplateLimits}: loop steps and function output. Carried
 * as an attribute of the template instance, so every loop and function call of the render sees it.
 */
final class RenderBudget {
    static final String ATTRIBUTE = "sluice.render-budget";

    private long loopSteps;
    private long functionChars;
    /** Set by the first limit hit: Qute keeps evaluating sibling nodes, and each must stop at once. */
    private TemplateLimitExceeded exceeded;

    static RenderBudget of(ResolutionContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof RenderBudget budget) {
            return budget;
        }
        throw new IllegalStateException("template rendered without a budget");
    }

    /** Fails before a loop starts when its known size alone would exceed the step limit. */
    void checkLoop(long iterations, long costPerIteration) {
        stopIfExceeded();
        if (iterations > 0 && loopSteps + iterations * costPerIteration > TemplateLimits.MAX_LOOP_STEPS) {
            throw exceeded(tooManySteps(iterations));
        }
    }

    /** Charges one loop iteration over a body of {@code cost} nodes. */
    void loopIteration(long cost) {
        stopIfExceeded();
        loopSteps += cost;
        if (loopSteps > TemplateLimits.MAX_LOOP_STEPS) {
            throw exceeded(tooManySteps(-1));
        }
    }

    /** Charges a function result. */
    void functionResult(String function, Object result) {
        stopIfExceeded();
        functionChars += ValueSize.of(result);
        if (functionChars > TemplateLimits.MAX_FUNCTION_OUTPUT_CHARS) {
            throw exceeded(new TemplateLimitExceeded("the functions of this template produced more than "
                    + TemplateLimits.describe(TemplateLimits.MAX_FUNCTION_OUTPUT_CHARS) + " in total (last: "
                    + function + ")"));
        }
    }

    private void stopIfExceeded() {
        if (exceeded != null) {
            throw exceeded;
        }
    }

    private TemplateLimitExceeded exceeded(TemplateLimitExceeded limit) {
        exceeded = limit;
        return limit;
    }

    private static TemplateLimitExceeded tooManySteps(long iterations) {
        return new TemplateLimitExceeded((iterations > 0
                        ? "a loop over " + String.format("%,d", iterations) + " items would exceed"
                        : "loops exceeded")
                + " the limit of "
                + String.format("%,d", TemplateLimits.MAX_LOOP_STEPS) + " loop steps (iterations times body size)");
    }
}
