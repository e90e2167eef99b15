package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimits;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * The logical size of a template value in characters: text length, binary length, and the sum over
 * the elements of lists and maps. A list holding the same large string many times counts it each
 * time, because that is what printing or serializing it would produce.
 */
public final class ValueSize {
    private static final int SCALAR = 8;

    private ValueSize() {}

    public static long of(Object value) {
        long size = 0;
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(value == null ? "" : value);
        while (!pending.isEmpty() && size <= TemplateLimits.MAX_FUNCTION_OUTPUT_CHARS) {
            Object next = pending.pop();
            switch (next) {
                case CharSequence text -> size += text.length();
                case Collection<?> items -> {
                    size += items.size();
                    items.forEach(item -> pending.push(item == null ? "" : item));
                }
                case Map<?, ?> map -> {
                    size += map.size();
                    map.forEach((k, v) -> {
                        pending.push(k == null ? "" : k);
                        pending.push(v == null ? "" : v);
                    });
                }
                case Bytes bytes -> size += bytes.length();
                default -> size += SCALAR;
            }
        }
        return size;
    }
}
