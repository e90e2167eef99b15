package io.sluice.template;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the output of a KeysAndValues template (or a literal): a YAML map of key to text. */
final class KeysAndValues {
    private KeysAndValues() {}

    static Map<String, String> parse(String where, String rendered) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(rendered);
        } catch (RuntimeException e) {
            // SnakeYAML's message quotes the document, which holds rendered secrets: only the position is kept
            throw new TemplateException(
                    TemplateErrorReason.TemplateOutputError,
                    where,
                    where + ": the rendered text is not a YAML map of keys to values");
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new TemplateException(
                    TemplateErrorReason.TemplateOutputError,
                    where,
                    where + ": the rendered text is not a YAML map of keys to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof Iterable<?>) {
                throw new TemplateException(
                        TemplateErrorReason.TemplateOutputError,
                        where,
                        where + ": a value is a map or a list, not a plain value (its key is rendered text and is "
                                + "not shown)");
            }
            out.put(String.valueOf(entry.getKey()), entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
        }
        return out;
    }
}
