package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.List;

/** toString, atoi, int, int64, float64, toDecimal, toStrings: sprig's conversions, lenient like sprig. */
final class ConversionFunctions {
    private ConversionFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("toString", "toString VALUE", v -> v == null ? "<nil>" : GoValues.print(v));
        library.one("atoi", "atoi TEXT", Numbers::atoi);
        library.one("int", "int VALUE", Numbers::toInt64);
        library.one("int64", "int64 VALUE", Numbers::toInt64);
        library.one("float64", "float64 VALUE", Numbers::toFloat64);
        library.one("toDecimal", "toDecimal OCTAL", v -> parseOctal(Args.text(v)));
        library.one("toStrings", "toStrings LIST", v -> {
            List<Object> out = new ArrayList<>();
            for (Object item : Lists.of("toStrings", v)) {
                out.add(item == null ? "" : GoValues.print(item));
            }
            return out;
        });
    }

    /** sprig's toDecimal reads an octal string ("0777" is 511); anything else is 0. */
    private static long parseOctal(String text) {
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
