package io.sluice.values;

import java.util.ArrayList;
import java.util.List;

/**
 * A gjson path in the subset Sluice supports: keys or array indexes separated by dots, {@code \} escaping
 * the next character, and an optional final {@code #} for an array's length.
 */
record GjsonPath(List<String> keys, boolean endsWithArrayLength) {

    static GjsonPath literalKey(String key) {
        return new GjsonPath(List.of(key), false);
    }

    /** The parsed path, or null when it uses wildcards, queries, modifiers or pipes. */
    static GjsonPath parse(String property) {
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (c == '\\' && i + 1 < property.length()) {
                key.append(property.charAt(++i));
            } else if (c == '.') {
                keys.add(key.toString());
                key.setLength(0);
            } else if (c == '*' || c == '?' || c == '|' || (key.isEmpty() && c == '@')) {
                return null;
            } else if (key.isEmpty() && c == '#') {
                boolean finalSegment = i + 1 == property.length();
                return finalSegment ? new GjsonPath(keys, true) : null;
            } else {
                key.append(c);
            }
        }
        keys.add(key.toString());
        return new GjsonPath(keys, false);
    }
}
