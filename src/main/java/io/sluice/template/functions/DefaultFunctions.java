package io.sluice.template.functions;

/** default and coalesce: fall back when a value is empty in Go's sense. */
final class DefaultFunctions {
    private DefaultFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.two("default", "default FALLBACK VALUE", (fallback, v) -> Args.isEmpty(v) ? fallback : v);
        library.many(
                "coalesce",
                1,
                "coalesce VALUES...",
                args -> args.stream().filter(v -> !Args.isEmpty(v)).findFirst().orElse(""));
    }
}
