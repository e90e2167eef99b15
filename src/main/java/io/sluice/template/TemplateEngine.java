package io.sluice.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.SetSectionHelper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode.Origin;
import io.quarkus.qute.WhenSectionHelper;
import io.quarkus.qute.WithSectionHelper;
import io.sluice.template.functions.Bytes;
import io.sluice.template.functions.FunctionLibrary;
import io.sluice.template.gotemplate.GoTemplateException;
import io.sluice.template.gotemplate.GoTemplateTranslator;
import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one template engine: renders a template string over the fetched values ({@code spec.target.template})
 * or over one key ({@code rewrite[].transform}, {@link #keyTemplate}) with Qute, configured in code (no CDI,
 * no reflection) so the operator and the offline render command share it. Templates containing
 * {@code {{} are ESO Go templates and are translated to Qute first. Parsed templates are cached by
 * content. Rendering is strict: a missing key is an error, never an empty string. Every render stays
 * within {@link TemplateLimits}: source size, nesting, loop steps, function output and output size.
 */
public final class TemplateEngine {
    public static final int DEFAULT_CACHE_SIZE = 1024;

    private final Engine qute;
    private final Engine translatedGo;
    private final ParsedTemplateCache cache;
    private final GoTemplateTranslator translator;

    public TemplateEngine() {
        this(FunctionLibrary.standard(), DEFAULT_CACHE_SIZE);
    }

    /**
     * The engine of the operator and the render command: Secret templates and key templates share its
     * configuration and its parse cache. Created on first use, at run time.
     */
    public static TemplateEngine shared() {
        return Shared.ENGINE;
    }

    private static final class Shared {
        static final TemplateEngine ENGINE = new TemplateEngine();
    }

    public TemplateEngine(FunctionLibrary library, int cacheSize) {
        this.translator = new GoTemplateTranslator(library);
        // Qute drops lines holding only a section tag; Go keeps them, so translated templates keep them too
        this.qute = engine(library, true);
        this.translatedGo = engine(library, false);
        this.cache = new ParsedTemplateCache(cacheSize);
    }

    /** The one Qute configuration; the two engines differ only in what Go needs of standalone lines. */
    private static Engine engine(FunctionLibrary library, boolean removeStandaloneLines) {
        // the sections a single-string template can use; include, insert, fragment and eval are left out
        // because there is nothing to include and eval would parse a value at render time, unchecked
        return Engine.builder()
                .addDefaultValueResolvers()
                .addSectionHelpers(
                        new IfSectionHelper.Factory(),
                        new BoundedLoops(),
                        new WithSectionHelper.Factory(),
                        new SetSectionHelper.Factory(),
                        new WhenSectionHelper.Factory())
                .strictRendering(true)
                .useAsyncTimeout(false)
                .removeStandaloneLines(removeStandaloneLines)
                .addValueResolver(FunctionResolvers.methods(library))
                .addNamespaceResolver(FunctionResolvers.functions(library))
                .addNamespaceResolver(FunctionResolvers.data())
                .addNamespaceResolver(GoRuntime.namespace())
                .addValueResolver(GoRuntime.variableValue())
                .addResultMapper(new BinaryResultMapper())
                .addResultMapper(new GoPrintResultMapper())
                .build();
    }

    /** True when {@code source} is an ESO (Go text/template) template rather than Qute. */
    public static boolean isGoTemplate(String source) {
        return source.contains("{{");
    }

    /**
     * Renders {@code source}; {@code where} names it in errors (e.g. {@code data[tls.crt]}).
     *
     * @throws TemplateException on any failure, with a message free of secret values
     */
    public byte[] render(String where, String source, Map<String, byte[]> fetched) {
        return render(where, source, TemplateValues.of(fetched));
    }

    byte[] render(String where, String source, TemplateValues values) {
        boolean go = isGoTemplate(source);
        return render(where, parse(where, source, go), go, values, new RenderBudget(), BoundedOutput.SECRET);
    }

    /**
     * Parses a key template ({@code rewrite[].transform}) with this engine: the same translation, functions,
     * limits and parse cache as {@code spec.target.template}.
     *
     * @param maxKeyLength the longest key a render may produce, in characters
     * @throws TemplateException when the template does not parse or uses an unsupported Go construct
     */
    public KeyTemplate keyTemplate(String where, String source, int maxKeyLength) {
        boolean go = isGoTemplate(source);
        return new KeyTemplate(this, where, parse(where, source, go), go, maxKeyLength);
    }

    byte[] render(
            String where,
            Template template,
            boolean go,
            TemplateValues values,
            RenderBudget budget,
            BoundedOutput.Limit limit) {
        try {
            return BoundedOutput.check(BinaryOutput.render(() -> renderBounded(template, values, budget, limit)));
        } catch (RuntimeException | StackOverflowError failure) {
            throw QuteErrors.renderFailure(where, failure, template, go, values);
        }
    }

    private static String renderBounded(
            Template template, TemplateValues values, RenderBudget budget, BoundedOutput.Limit limit) {
        BoundedOutput output = new BoundedOutput(limit);
        template.instance()
                .data(values.asMap())
                .setAttribute(RenderBudget.ATTRIBUTE, budget)
                .consume(output)
                .toCompletableFuture()
                .join();
        return output.text();
    }

    private Template parse(String where, String source, boolean go) {
        return cache.get((go ? "go\u0000" : "qute\u0000") + source, () -> {
            try {
                checkSize(source);
                String qute = go ? translate(where, source) : source;
                QuteNesting.check(qute);
                return (go ? translatedGo : this.qute).parse(qute);
            } catch (io.quarkus.qute.TemplateException e) {
                throw QuteErrors.parseFailure(where, e, go);
            } catch (TemplateLimitExceeded | StackOverflowError e) {
                throw QuteErrors.limitFailure(where, e);
            }
        });
    }

    private static void checkSize(String source) {
        long bytes = source.length() > TemplateLimits.MAX_TEMPLATE_BYTES
                ? source.length()
                : source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TemplateLimits.MAX_TEMPLATE_BYTES) {
            throw new TemplateLimitExceeded("the template is larger than the "
                    + TemplateLimits.describe(TemplateLimits.MAX_TEMPLATE_BYTES) + " Secret size limit");
        }
    }

    private String translate(String where, String source) {
        try {
            return translator.translate(source);
        } catch (GoTemplateException e) {
            TemplateErrorReason reason = e.unsupported()
                    ? TemplateErrorReason.UnsupportedGoTemplate
                    : TemplateErrorReason.TemplateSyntaxError;
            throw new TemplateException(reason, where, where + ": " + e.getMessage());
        }
    }

    /** How many templates were parsed (not served from the cache) since start. */
    public long parseCount() {
        return cache.parseCount();
    }

    private static final class BinaryResultMapper implements ResultMapper {
        @Override
        public int getPriority() {
            return 100;
        }

        @Override
        public boolean appliesTo(Origin origin, Object result) {
            return result instanceof Bytes;
        }

        @Override
        public String map(Object result, Expression expression) {
            return BinaryOutput.placeholder((Bytes) result);
        }
    }
}
