package io.sluice.template.functions;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** Converts template values to the types functions work on, the way Go's templates see them. */
public final class Args {
    private Args() {}

    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Bytes b) {
            return new String(b.content(), StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    public static byte[] bytes(Object value) {
        if (value instanceof Bytes b) {
            return b.content();
        }
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    public static int integer(String function, Object value) {
        if (value instanceof Number n) {
            if (n.longValue() != n.intValue() || n.doubleValue() != n.longValue()) {
                throw new FunctionFailure(function, "expected a whole number argument in the 32-bit range");
            }
            return n.intValue();
        }
        try {
            return Integer.parseInt(text(value).trim());
        } catch (NumberFormatException e) {
            throw new FunctionFailure(function, "expected a whole number argument");
        }
    }

    /** Go's notion of an empty value (sprig's {@code empty}): nil, "", 0, false, empty list or map. */
    public static boolean isEmpty(Object value) {
        return switch (value) {
            case null -> true;
            case String s -> s.isEmpty();
            case Bytes b -> b.length() == 0;
            case Boolean b -> !b;
            case Number n -> n.doubleValue() == 0;
            case Collection<?> c -> c.isEmpty();
            case Map<?, ?> m -> m.isEmpty();
            default -> false;
        };
    }
}
