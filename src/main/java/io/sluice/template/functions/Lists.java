package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimitExceeded;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reading a template value as a list, and checking a list's size before it is built. */
final class Lists {
    /** What {@link ValueSize} charges for one element beyond its content. */
    private static final long ELEMENT_COST = 9;

    private Lists() {}

    static List<Object> of(String function, Object value) {
        if (value instanceof Collection<?> items) {
            return new ArrayList<>(items);
        }
        if (value == null) {
            throw new FunctionFailure(function, "cannot read a list from nil");
        }
        throw new FunctionFailure(function, "expected a list, got " + GoKinds.of(value));
    }

    /** Refuses a list of {@code count} elements that could not fit in a Secret, before allocating it. */
    static void checkCount(String function, long count) {
        TemplateLimitExceeded.checkResultSize("function " + function, count * ELEMENT_COST);
    }
}
