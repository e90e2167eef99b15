package io.sluice.template.functions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Go compares and measures strings by their UTF-8 bytes, not by UTF-16 units as Java does. */
final class GoStrings {
    private GoStrings() {}

    static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static int byteLength(Object value) {
        return value instanceof Bytes b ? b.length() : Args.text(value).getBytes(StandardCharsets.UTF_8).length;
    }
}
