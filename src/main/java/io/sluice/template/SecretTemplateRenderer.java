package io.sluice.template;

import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import io.sluice.api.v1.TemplateFrom;
import io.sluice.api.v1.TemplateRef;
import io.sluice.template.functions.Bytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@code spec.target.template} to the fetched values, with ESO's rules:
 * <ol>
 *   <li>mergePolicy Merge starts from the fetched keys;</li>
 *   <li>templateFrom entries render in order into data, labels or annotations, each rendered value decoded by
 *   the entry's valuesDecodingStrategy;</li>
 *   <li>template.data renders last and wins over templateFrom;</li>
 *   <li>metadata.labels and metadata.annotations are rendered too;</li>
 *   <li>a template with neither data nor templateFrom keeps the fetched keys as they are;</li>
 *   <li>a service-account-token Secret gets no service account annotation, from any source.</li>
 * </ol>
 * A render either fully succeeds or throws {@link TemplateException}; nothing half-rendered escapes.
 * Used by the ExternalSecret reconciler (as a bean) and by the offline render command (constructed).
 */
@ApplicationScoped
public class SecretTemplateRenderer {
    private final TemplateEngine engine;

    @Inject
    public SecretTemplateRenderer() {
        this(TemplateEngine.shared());
    }

    public SecretTemplateRenderer(TemplateEngine engine) {
        this.engine = engine;
    }

    /**
     * @param templateOwner {@code namespace/name} of the ExternalSecret, for the caller's logs
     * @param template {@code spec.target.template}; null copies the fetched values unchanged
     * @param values the fetched values by Secret key
     * @param sources loads the ConfigMaps and Secrets named by templateFrom
     */
    public RenderedSecret render(
            String templateOwner,
            ExternalSecretTemplate template,
            Map<String, byte[]> values,
            TemplateSources sources) {
        if (template == null) {
            return new RenderedSecret(null, Map.of(), Map.of(), values, false);
        }
        TemplateValues input = TemplateValues.of(values);
        Output output = new Output();
        boolean merge = template.mergePolicy == ExternalSecretTemplate.MergePolicy.Merge;
        if (merge) {
            output.data.putAll(values);
        }
        List<TemplateFrom> templateFrom =
                Optional.ofNullable(template.templateFrom).orElse(List.of());
        for (int i = 0; i < templateFrom.size(); i++) {
            applyTemplateFrom("templateFrom[" + i + "]", templateFrom.get(i), input, sources, output);
        }
        Map<String, String> data = Optional.ofNullable(template.data).orElse(Map.of());
        data.forEach((key, source) -> output.data.put(key, engine.render("data[" + key + "]", source, input)));
        if (template.metadata != null) {
            renderText("metadata.labels", template.metadata.labels, input, output.labels);
            renderText("metadata.annotations", template.metadata.annotations, input, output.annotations);
        }
        if (data.isEmpty() && templateFrom.isEmpty()) {
            output.data.clear();
            output.data.putAll(values);
        }
        ServiceAccountTokenRule.check(template.type, output.annotations);
        return new RenderedSecret(template.type, output.labels, output.annotations, output.data, merge);
    }

    /** How many templates were parsed rather than served from the cache. */
    public long parseCount() {
        return engine.parseCount();
    }

    private void renderText(
            String field, Map<String, String> templates, TemplateValues input, Map<String, String> into) {
        if (templates != null) {
            templates.forEach((key, source) -> into.put(
                    key, text(field + "[" + key + "]", engine.render(field + "[" + key + "]", source, input))));
        }
    }

    private void applyTemplateFrom(
            String where, TemplateFrom entry, TemplateValues input, TemplateSources sources, Output output) {
        TemplateFrom.Target target = Optional.ofNullable(entry.target).orElse(TemplateFrom.Target.Data);
        Placement placement = new Placement(target, entry.valuesDecodingStrategy, output);
        if (entry.configMap != null) {
            Map<String, String> configMap = sources.configMap(entry.configMap.name);
            for (TemplateRef.Item item : items(entry.configMap)) {
                String name = where + ".configMap " + entry.configMap.name + "/" + item.key;
                if (configMap == null || !configMap.containsKey(item.key)) {
                    throw missingSource(name, "ConfigMap", entry.configMap.name, item.key, configMap == null);
                }
                applyItem(name, item, configMap.get(item.key), input, placement);
            }
        }
        if (entry.secret != null) {
            Map<String, byte[]> secret = sources.secret(entry.secret.name);
            for (TemplateRef.Item item : items(entry.secret)) {
                String name = where + ".secret " + entry.secret.name + "/" + item.key;
                if (secret == null || !secret.containsKey(item.key)) {
                    throw missingSource(name, "Secret", entry.secret.name, item.key, secret == null);
                }
                applyItem(name, item, new String(secret.get(item.key), StandardCharsets.UTF_8), input, placement);
            }
        }
        if (entry.literal != null) {
            applyKeysAndValues(where + ".literal", entry.literal, input, placement);
        }
    }

    private static List<TemplateRef.Item> items(TemplateRef ref) {
        return Optional.ofNullable(ref.items).orElse(List.of());
    }

    private void applyItem(
            String where, TemplateRef.Item item, String source, TemplateValues input, Placement placement) {
        if (item.templateAs == TemplateRef.TemplateAs.KeysAndValues) {
            applyKeysAndValues(where, source, input, placement);
        } else {
            placement.put(where, item.key, engine.render(where, source, input));
        }
    }

    private void applyKeysAndValues(String where, String source, TemplateValues input, Placement placement) {
        byte[] rendered = engine.render(where, source, input);
        KeysAndValues.parse(where, text(where, rendered))
                .forEach((key, value) -> placement.put(where, key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static TemplateException missingSource(String where, String kind, String name, String key, boolean whole) {
        String problem = whole ? kind + " " + name + " not found" : kind + " " + name + " has no key " + key;
        return new TemplateException(TemplateErrorReason.TemplateSourceError, where, where + ": " + problem);
    }

    private static String text(String where, byte[] rendered) {
        return Bytes.utf8(rendered)
                .orElseThrow(() -> new TemplateException(
                        TemplateErrorReason.TemplateOutputError,
                        where,
                        where + ": rendered binary data where text is required"));
    }

    /** Where one templateFrom entry's rendered values go, decoded first by its valuesDecodingStrategy. */
    private record Placement(TemplateFrom.Target target, DecodingStrategy decoding, Output output) {
        void put(String where, String key, byte[] rendered) {
            output.put(target, where, key, RenderedValueDecoding.decode(decoding, where, rendered));
        }
    }

    private static final class Output {
        final Map<String, byte[]> data = new LinkedHashMap<>();
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, String> annotations = new LinkedHashMap<>();

        void put(TemplateFrom.Target target, String where, String key, byte[] value) {
            switch (target) {
                case Data -> data.put(key, value);
                case Labels -> labels.put(key, text(where, value));
                case Annotations -> annotations.put(key, text(where, value));
            }
        }
    }
}
