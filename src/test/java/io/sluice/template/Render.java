package io.sluice.template;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: renders one template over string values. */
final class Render {
    static final TemplateEngine ENGINE = new TemplateEngine();

    private Render() {}

    static Map<String, byte[]> values(String... keysAndValues) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    static String render(String template, String... keysAndValues) {
        return new String(ENGINE.render("data[test]", template, values(keysAndValues)), StandardCharsets.UTF_8);
    }
}
