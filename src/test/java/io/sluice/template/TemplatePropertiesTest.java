package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.TemplateFrom;
import io.sluice.template.limits.TemplateLimits;
import io.sluice.testing.hostile.HostileInput;
import io.sluice.testing.hostile.Outcomes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any template (Qute or Go, in data, a templateFrom literal or metadata) over any fetched values (binary,
 * near 1 MiB) renders within the Secret size limit or fails with a {@link TemplateException} whose message
 * quotes no value; never another exception or error, never unbounded time or memory.
 */
class TemplatePropertiesTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String MARKER = "Zq7marker";

    /** Fetched values: text holding the marker, binary, and one near the Secret limit. */
    private static Gen<Map<String, byte[]>> fetched() {
        Gen<byte[]> value = Generate.frequency(
                Pair.of(4, HostileInput.punctuated(30).map(s -> (MARKER + s).getBytes(StandardCharsets.UTF_8))),
                Pair.of(2, HostileInput.bytes(64)),
                Pair.of(
                        1,
                        integers()
                                .between(HostileInput.ONE_MIB - 16, HostileInput.ONE_MIB)
                                .map(n ->
                                        (MARKER + "x".repeat(n - MARKER.length())).getBytes(StandardCharsets.UTF_8))));
        return value.zip(value, value, (a, b, c) -> {
            Map<String, byte[]> values = new LinkedHashMap<>();
            values.put("value", a);
            values.put("user", b);
            values.put("k", c);
            return values;
        });
    }

    private static Gen<ExternalSecretTemplate> templates() {
        // mostly Data and no decoding, so that a fair share of examples renders; the rest fail in all the ways
        Gen<TemplateFrom.Target> targets =
                Generate.constant(TemplateFrom.Target.Data).mix(Generate.enumValues(TemplateFrom.Target.class), 40);
        Gen<RemoteRef.DecodingStrategy> decodings = Generate.constant(RemoteRef.DecodingStrategy.None)
                .mix(Generate.enumValues(RemoteRef.DecodingStrategy.class), 40);
        Gen<String> sources =
                Generate.frequency(Pair.of(1, HostileInput.templates()), Pair.of(2, HostileInput.ordinaryTemplates()));
        return sources.zip(sources, targets, decodings, (data, literal, target, decoding) -> {
            ExternalSecretTemplate template = new ExternalSecretTemplate();
            template.data = Map.of("out", data);
            TemplateFrom from = new TemplateFrom();
            from.literal = "k1: \"" + literal.replace("\"", "'") + "\"\n";
            from.target = target;
            from.valuesDecodingStrategy = decoding;
            template.templateFrom = List.of(from);
            return template;
        });
    }

    @Test
    void anyTemplateRendersBoundedOrFailsWithATemplateError() {
        SecretTemplateRenderer renderer = new SecretTemplateRenderer();
        Outcomes outcomes = new Outcomes();
        qt().withExamples(40)
                .forAll(templates(), fetched())
                .checkAssert((template, values) -> assertTimeoutPreemptively(BOUND, () -> {
                    RenderedSecret secret;
                    try {
                        secret = renderer.render("ns/es", template, values, TemplateSources.NONE);
                    } catch (TemplateException refused) {
                        assertNotNull(refused.reasonCode());
                        assertFalse(refused.getMessage().contains(MARKER), "the message quotes a value");
                        outcomes.refused(refused.reason());
                        return;
                    }
                    secret.data()
                            .values()
                            .forEach(v -> assertTrue(
                                    v.length <= TemplateLimits.MAX_OUTPUT_BYTES,
                                    "a rendered value of " + v.length + " bytes"));
                    outcomes.accepted();
                }));
        outcomes.assertBothSeen("TemplatePropertiesTest.anyTemplate");
    }

    @Test
    void anySingleTemplateRendersBoundedOrFailsWithATemplateError() {
        TemplateEngine engine = new TemplateEngine();
        Outcomes outcomes = new Outcomes();
        qt().withExamples(100)
                .forAll(HostileInput.templates().mix(HostileInput.punctuated(60), 30), fetched())
                .checkAssert((source, values) -> assertTimeoutPreemptively(BOUND, () -> {
                    try {
                        byte[] out = engine.render("data[x]", source, values);
                        assertTrue(out.length <= TemplateLimits.MAX_OUTPUT_BYTES);
                        outcomes.accepted();
                    } catch (TemplateException refused) {
                        assertFalse(refused.getMessage().contains(MARKER), "the message quotes a value");
                        outcomes.refused(refused.reason());
                    }
                }));
        outcomes.assertBothSeen("TemplatePropertiesTest.anySingleTemplate");
    }
}
