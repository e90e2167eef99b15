package io.sluice.template;

import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.TemplateFrom;
import io.sluice.api.v1.TemplateRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Secret keys, labels and annotations whose names a template takes literally from the spec. Only these may be
 * named in an error: a key produced by a KeysAndValues template or a literal is rendered text and may hold a value.
 */
public final class LiteralKeys {
    private LiteralKeys() {}

    /**
     * Everything an ExternalSecret's spec names literally: the template's keys, or without a template the
     * ExternalSecret's own labels and annotations (which ESO copies), and the {@code data[].secretKey}s.
     */
    public static Set<String> of(ExternalSecret es) {
        var target = es.getSpec() == null ? null : es.getSpec().target;
        ExternalSecretTemplate template = target == null ? null : target.template;
        Set<String> keys = of(template);
        if (template == null) {
            keys.addAll(orEmpty(es.getMetadata().getLabels()).keySet());
            keys.addAll(orEmpty(es.getMetadata().getAnnotations()).keySet());
        }
        if (es.getSpec() != null && es.getSpec().data != null) {
            es.getSpec().data.forEach(entry -> keys.add(entry.secretKey));
        }
        return keys;
    }

    public static Set<String> of(ExternalSecretTemplate template) {
        Set<String> keys = new HashSet<>();
        if (template == null) {
            return keys;
        }
        keys.addAll(orEmpty(template.data).keySet());
        if (template.metadata != null) {
            keys.addAll(orEmpty(template.metadata.labels).keySet());
            keys.addAll(orEmpty(template.metadata.annotations).keySet());
        }
        for (TemplateFrom entry : Optional.ofNullable(template.templateFrom).orElse(List.of())) {
            addValuesItems(entry.configMap, keys);
            addValuesItems(entry.secret, keys);
        }
        return keys;
    }

    private static void addValuesItems(TemplateRef ref, Set<String> keys) {
        if (ref == null || ref.items == null) {
            return;
        }
        ref.items.stream()
                .filter(item -> item.templateAs != TemplateRef.TemplateAs.KeysAndValues)
                .forEach(item -> keys.add(item.key));
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
