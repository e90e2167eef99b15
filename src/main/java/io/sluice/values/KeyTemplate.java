package io.sluice.values;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import java.util.HashMap;
import java.util.Map;

/**
 * The template of a {@code transform} rewrite, rendered once per key with the key as {@code value}. The
 * Qute form is used as written ({@code {value}}, {@code prefix_{value.lower}}); the Go form ESO documents
 * ({@code {{ .value | upper }}}) is translated first by {@link GoKeyTemplate}. A standalone Qute engine
 * keeps this independent of the Secret template engine.
 */
final class KeyTemplate {

    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(new KeyFunctions())
            .strictRendering(true)
            .build();

    private final String source;
    private final Template template;
    private final Map<String, String> args;

    private KeyTemplate(String source, Template template, Map<String, String> args) {
        this.source = source;
        this.template = template;
        this.args = args;
    }

    static KeyTemplate parse(String source) {
        GoKeyTemplate.Translation translation = GoKeyTemplate.isGoForm(source)
                ? GoKeyTemplate.translate(source)
                : new GoKeyTemplate.Translation(source, Map.of());
        try {
            return new KeyTemplate(source, ENGINE.parse(translation.qute()), translation.args());
        } catch (TemplateException invalid) {
            throw new ExtractionException.InvalidRewrite("transform template does not parse: " + source);
        }
    }

    String render(String key) {
        Map<String, Object> data = new HashMap<>(args);
        data.put("value", key);
        try {
            return template.render(data);
        } catch (ExtractionException | TemplateException failed) {
            Throwable reason = failed.getCause() instanceof ExtractionException cause ? cause : failed;
            throw new ExtractionException.InvalidRewrite("transform template " + source + " failed for key " + key
                    + ": " + reason.getMessage());
        }
    }
}
