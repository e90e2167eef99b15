package io.sluice.values;

import io.sluice.api.v1.ExternalSecretRewrite;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.regexp.TenantRegexp;
import io.sluice.template.KeyTemplate;
import io.sluice.template.TemplateEngine;
import io.sluice.template.TemplateErrorReason;
import io.sluice.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code dataFrom[].rewrite}: renames the keys of one entry, applying the rewrites in order. {@code regexp}
 * replaces every match of {@code source} in the key with {@code target} under Go's rules (RE2 syntax,
 * {@link TenantRegexp}, and {@code ReplaceAllString}, {@link GoReplacement}); {@code transform} renders a
 * template with the key as {@code value}, through the one template engine ({@link KeyTemplate}), so it has
 * the Go syntax, functions and limits of {@code spec.target.template}. {@code merge} is not supported yet.
 * Where ESO would silently keep one of two keys that a rewrite maps to the same name, Sluice fails with an
 * error naming them.
 */
public final class KeyRewriter {
    /** Far above a valid Secret key (253), so that a later rewrite may still shorten a key; bounds memory. */
    static final int MAX_KEY_LENGTH = 4096;

    private static final int MAX_QUOTED_TEMPLATE = 200;

    private KeyRewriter() {}

    /** The entries under their rewritten keys, in input order; no rewrites leaves them as they are. */
    public static Map<String, byte[]> rewrite(List<ExternalSecretRewrite> rewrites, Map<String, byte[]> values) {
        Map<String, byte[]> current = values;
        if (rewrites == null) {
            return current;
        }
        for (int i = 0; i < rewrites.size(); i++) {
            current = rename(i, keyFunction(i, rewrites.get(i)), current);
        }
        return current;
    }

    private static UnaryOperator<String> keyFunction(int index, ExternalSecretRewrite rewrite) {
        String where = "rewrite[" + index + "]";
        int set = (rewrite.regexp == null ? 0 : 1)
                + (rewrite.transform == null ? 0 : 1)
                + (rewrite.merge == null ? 0 : 1);
        if (set != 1) {
            throw new ExtractionException.InvalidRewrite(where + " must set exactly one of regexp, transform or merge");
        }
        if (rewrite.merge != null) {
            throw new ExtractionException.UnsupportedRewrite(
                    where + ".merge is not supported yet; use regexp or transform");
        }
        if (rewrite.regexp != null) {
            return regexpFunction(where, rewrite.regexp);
        }
        if (rewrite.transform.template == null || rewrite.transform.template.isEmpty()) {
            throw new ExtractionException.InvalidRewrite(where + ".transform.template is empty");
        }
        return transformFunction(where + ".transform.template", rewrite.transform.template);
    }

    /** Parsed once per rewrite, rendered once per key, by the engine of {@code spec.target.template}. */
    private static UnaryOperator<String> transformFunction(String where, String source) {
        KeyTemplate template;
        try {
            template = TemplateEngine.shared().keyTemplate(where, source, MAX_KEY_LENGTH);
        } catch (TemplateException failed) {
            throw transformFailure(failed, source, "");
        }
        return key -> {
            try {
                return template.render(key);
            } catch (TemplateException failed) {
                throw transformFailure(failed, source, " for key \"" + key + "\"");
            }
        };
    }

    /**
     * The engine's message, which names the problem and its line, plus the template: it comes from the
     * ExternalSecret, never from a Secret, so it can be quoted, up to a length that keeps conditions short.
     */
    private static ExtractionException transformFailure(TemplateException failed, String source, String forKey) {
        String quoted =
                source.length() <= MAX_QUOTED_TEMPLATE ? source : source.substring(0, MAX_QUOTED_TEMPLATE) + "...";
        String message = failed.getMessage() + forKey + " (template: " + quoted + ")";
        return failed.reasonCode() == TemplateErrorReason.UnsupportedGoTemplate
                ? new ExtractionException.UnsupportedRewrite(message)
                : new ExtractionException.InvalidRewrite(message);
    }

    private static UnaryOperator<String> regexpFunction(String where, ExternalSecretRewrite.Regexp regexp) {
        if (regexp.source == null) {
            throw new ExtractionException.InvalidRewrite(where + ".regexp.source is required");
        }
        TenantRegexp pattern;
        try {
            pattern = TenantRegexp.compile(where + ".regexp.source", regexp.source);
        } catch (InvalidRegexpException invalid) {
            throw new ExtractionException.InvalidRewrite(invalid.getMessage());
        }
        GoReplacement replacement = GoReplacement.parse(regexp.target == null ? "" : regexp.target);
        return key -> replacement
                .replaceAll(pattern.pattern(), key, MAX_KEY_LENGTH)
                .orElseThrow(() -> new ExtractionException.InvalidRewrite(
                        where + ".regexp makes a key longer than " + MAX_KEY_LENGTH + " characters"));
    }

    private static Map<String, byte[]> rename(
            int index, UnaryOperator<String> keyFunction, Map<String, byte[]> values) {
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String newKey = keyFunction.apply(key);
            String earlier = origins.putIfAbsent(newKey, key);
            if (earlier != null) {
                throw new ExtractionException.DuplicateKey("rewrite[" + index + "] maps keys \"" + earlier + "\" and \""
                        + key + "\" to the same key \"" + newKey + "\"");
            }
            renamed.put(newKey, value);
        });
        return renamed;
    }
}
