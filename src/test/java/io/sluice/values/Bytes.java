package io.sluice.values;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers for byte-valued maps. */
final class Bytes {

    private Bytes() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Alternating keys and string values, in order. */
    static Map<String, byte[]> map(String... keysAndValues) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], utf8(keysAndValues[i + 1]));
        }
        return map;
    }

    /** The map with values as UTF-8 text, for assertEquals. */
    static Map<String, String> text(Map<String, byte[]> map) {
        Map<String, String> text = new LinkedHashMap<>();
        map.forEach((key, value) -> text.put(key, new String(value, StandardCharsets.UTF_8)));
        return text;
    }
}
