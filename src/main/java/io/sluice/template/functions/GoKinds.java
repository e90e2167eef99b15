package io.sluice.template.functions;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;

/** The Go type a template value stands for, as sprig's typeOf and kindOf name it. */
public final class GoKinds {
    private GoKinds() {}

    static String of(Object value) {
        return switch (value) {
            case null -> "invalid";
            case String s -> "string";
            case Bytes b -> "string";
            case Boolean b -> "bool";
            case Integer i -> "int";
            case Long l -> "int64";
            case Double d -> "float64";
            case Float f -> "float64";
            case Map<?, ?> m -> "map";
            case Collection<?> c -> "slice";
            case ZonedDateTime t -> "struct";
            case Duration d -> "int64";
            default -> "ptr";
        };
    }

    /** The kind for messages outside this package. */
    public static String describe(Object value) {
        return of(value);
    }

    static String typeOf(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case Map<?, ?> m -> "map[string]interface {}";
            case Collection<?> c -> "[]interface {}";
            case ZonedDateTime t -> "time.Time";
            case Duration d -> "time.Duration";
            case Integer i -> "int";
            default -> of(value);
        };
    }
}
