package io.sluice.template;

import io.quarkus.qute.Template;
import io.sluice.template.functions.Bytes;
import io.sluice.template.limits.TemplateLimits;

/**
 * A key template ({@code dataFrom[].rewrite[].transform.template}), parsed once by the {@link TemplateEngine}
 * and rendered once per key. As in ESO, the key is the string {@code .value} ({@code {value}} in Qute), the
 * template is Go or Qute like a Secret template, and every function of the library is available.
 * <p>
 * All renders of one instance share one {@link RenderBudget}: a rewrite over ten thousand keys gets the
 * loop steps and function output of one template, not ten thousand times as much. Each key is also held
 * to {@code maxKeyLength} characters while it is written. Not thread-safe: one instance per rewrite.
 */
public final class KeyTemplate {
    private final TemplateEngine engine;
    private final String where;
    private final Template template;
    private final boolean go;
    private final BoundedOutput.Limit limit;
    private final RenderBudget budget = new RenderBudget();

    KeyTemplate(TemplateEngine engine, String where, Template template, boolean go, int maxKeyLength) {
        this.engine = engine;
        this.where = where;
        this.template = template;
        this.go = go;
        this.limit = new BoundedOutput.Limit(
                maxKeyLength,
                "the rendered key is longer than " + TemplateLimits.describe(maxKeyLength) + " characters");
    }

    /**
     * The key {@code key} becomes.
     *
     * @throws TemplateException when the render fails or goes past a limit; the message may name the key
     */
    public String render(String key) {
        byte[] rendered = engine.render(where, template, go, TemplateValues.ofKeyName(key), budget, limit);
        String text = Bytes.utf8(rendered)
                .orElseThrow(() -> new TemplateException(
                        TemplateErrorReason.TemplateOutputError,
                        where,
                        where + ": rendered binary data where a key is required"));
        if (text.length() > limit.maxChars()) {
            throw new TemplateException(
                    TemplateErrorReason.TemplateLimitExceeded,
                    where,
                    where + ": template limit exceeded: " + limit.exceeded());
        }
        return text;
    }
}
