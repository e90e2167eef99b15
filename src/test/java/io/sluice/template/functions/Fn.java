package io.sluice.template.functions;

import java.util.Arrays;

/** Test helper: calls a library function with Go-ordered arguments. */
final class Fn {
    static final FunctionLibrary LIBRARY = FunctionLibrary.standard();

    private Fn() {}

    static Object call(String name, Object... args) {
        return LIBRARY.call(name, Arrays.asList(args));
    }

    static String text(String name, Object... args) {
        return Args.text(call(name, args));
    }
}
