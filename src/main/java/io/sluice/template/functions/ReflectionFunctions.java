package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** empty, ternary, all, any, fail, deepEqual, deepCopy and the type tests typeOf, typeIs, typeIsLike, kindOf, kindIs. */
final class ReflectionFunctions {
    private ReflectionFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("empty", "empty VALUE", Args::isEmpty);
        library.three(
                "ternary",
                "ternary IF_TRUE IF_FALSE CONDITION",
                (yes, no, condition) -> Boolean.TRUE.equals(condition) ? yes : no);
        library.many("all", 0, "all VALUES...", args -> args.stream().noneMatch(Args::isEmpty));
        library.many("any", 0, "any VALUES...", args -> args.stream().anyMatch(v -> !Args.isEmpty(v)));
        library.one("fail", "fail MESSAGE", v -> {
            throw new FunctionFailure("fail", "the template called fail");
        });
        library.two("deepEqual", "deepEqual A B", Objects::equals);
        library.one("deepCopy", "deepCopy VALUE", ReflectionFunctions::copy);
        library.one("mustDeepCopy", "mustDeepCopy VALUE", ReflectionFunctions::copy);
        library.one("typeOf", "typeOf VALUE", GoKinds::typeOf);
        library.one("kindOf", "kindOf VALUE", GoKinds::of);
        library.two("typeIs", "typeIs TYPE VALUE", (type, v) -> Args.text(type).equals(GoKinds.typeOf(v)));
        library.two("typeIsLike", "typeIsLike TYPE VALUE", (type, v) -> {
            String t = Args.text(type);
            return t.equals(GoKinds.typeOf(v)) || t.equals("*" + GoKinds.typeOf(v));
        });
        library.two("kindIs", "kindIs KIND VALUE", (kind, v) -> Args.text(kind).equals(GoKinds.of(v)));
    }

    private static Object copy(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> out = new TreeMap<>(GoStrings::compare);
                map.forEach((k, v) -> out.put(Args.text(k), copy(v)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>();
                list.forEach(v -> out.add(copy(v)));
                yield out;
            }
            case null -> null;
            default -> value;
        };
    }
}
