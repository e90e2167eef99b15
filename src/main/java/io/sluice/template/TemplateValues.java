package io.sluice.template;

import io.sluice.template.functions.Args;
import io.sluice.template.functions.Bytes;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fetched values as templates see them: each key maps to a String (valid UTF-8) or to
 * {@link Bytes}. Also knows how to scrub those values out of a message.
 */
final class TemplateValues {
    private static final int SHORTEST_REDACTED = 3;
    private final Map<String, Object> byKey;
    private final boolean secret;

    private TemplateValues(Map<String, Object> byKey, boolean secret) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.secret = secret;
    }

    static TemplateValues of(Map<String, byte[]> fetched) {
        Map<String, Object> byKey = new TreeMap<>();
        fetched.forEach((key, value) -> byKey.put(key, Bytes.of(value == null ? new byte[0] : value)));
        return new TemplateValues(byKey, true);
    }

    /**
     * What a key template sees, as in ESO: the key name as the string {@code value}, and nothing else. A key
     * name is not a secret value, so messages keep it.
     */
    static TemplateValues ofKeyName(String key) {
        return new TemplateValues(Map.of("value", key), false);
    }

    /** The root data object handed to Qute. */
    Map<String, Object> asMap() {
        return byKey;
    }

    /**
     * Defence in depth: error messages are built from template text and key names, but a message
     * from a library could still quote a value; any value long enough to be meaningful is masked.
     */
    String redact(String message) {
        if (!secret) {
            return message;
        }
        String out = message;
        for (Object value : byKey.values()) {
            String text = Args.text(value);
            if (text.length() >= SHORTEST_REDACTED) {
                out = out.replace(text, "***");
            }
        }
        return out;
    }
}
