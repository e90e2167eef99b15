package io.sluice.template;

import static io.sluice.template.Render.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import io.sluice.api.v1.TemplateFrom;
import io.sluice.api.v1.TemplateRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code templateFrom[].valuesDecodingStrategy}: ESO decodes the values a templateFrom entry renders (documented
 * as "a decoding Strategy for the rendered template values", None when omitted); template.data is never decoded.
 */
class ValuesDecodingStrategyTest {
    private final SecretTemplateRenderer renderer = new SecretTemplateRenderer();
    // "Hello" base64, a binary value base64 (standard alphabet), and the same bytes in the URL alphabet
    private final Map<String, byte[]> fetched = values("greeting", "SGVsbG8=", "blob", "/+8=", "urlBlob", "_-8=");

    private static TemplateFrom literal(String literal, DecodingStrategy decoding) {
        TemplateFrom from = new TemplateFrom();
        from.literal = literal;
        from.valuesDecodingStrategy = decoding;
        return from;
    }

    private RenderedSecret render(TemplateFrom... entries) {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.templateFrom = List.of(entries);
        return renderer.render("ns/es", template, fetched, TemplateSources.NONE);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName(
            "When a literal's valuesDecodingStrategy is Base64, then each rendered value is decoded, binary included")
    void base64DecodesEachRenderedValueOfALiteral() {
        RenderedSecret secret = render(literal("decoded: {greeting}\nbinary: {blob}", DecodingStrategy.Base64));
        assertEquals("Hello", text(secret.data().get("decoded")));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xef}, secret.data().get("binary"));
    }

    @Test
    void unsetAndNoneKeepTheRenderedValue() {
        RenderedSecret secret =
                render(literal("unset: {greeting}", null), literal("none: {greeting}", DecodingStrategy.None));
        assertEquals("SGVsbG8=", text(secret.data().get("unset")));
        assertEquals("SGVsbG8=", text(secret.data().get("none")));
    }

    @Test
    @DisplayName(
            "When a ConfigMap item renders with Base64URL, then it is decoded, and template.data on the same key family is not")
    void configMapItemsAreDecodedButTemplateDataIsNot() {
        TemplateFrom fromConfigMap = new TemplateFrom();
        fromConfigMap.configMap = new TemplateRef();
        fromConfigMap.configMap.name = "tpl";
        TemplateRef.Item item = new TemplateRef.Item();
        item.key = "cert.der";
        fromConfigMap.configMap.items = List.of(item);
        fromConfigMap.valuesDecodingStrategy = DecodingStrategy.Base64URL;
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.templateFrom = List.of(fromConfigMap);
        template.data = Map.of("raw", "{greeting}");
        TemplateSources sources = new TemplateSources() {
            @Override
            public Map<String, String> configMap(String name) {
                return Map.of("cert.der", "{urlBlob}");
            }

            @Override
            public Map<String, byte[]> secret(String name) {
                return null;
            }
        };
        RenderedSecret secret = renderer.render("ns/es", template, fetched, sources);
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xef}, secret.data().get("cert.der"));
        assertEquals("SGVsbG8=", text(secret.data().get("raw")));
    }

    @Test
    void autoDecodesWhatIsBase64AndKeepsTheRestIntoLabels() {
        TemplateFrom labels = literal("team: {greeting}\ntier: backend", DecodingStrategy.Auto);
        labels.target = TemplateFrom.Target.Labels;
        RenderedSecret secret = render(labels);
        assertEquals(Map.of("team", "Hello", "tier", "backend"), secret.labels());
    }

    @Test
    @DisplayName(
            "When a rendered value is not base64 under Base64, then the render fails naming the entry and strategy, never the value")
    void invalidBase64FailsWithoutQuotingTheValue() {
        Map<String, byte[]> notEncoded = values("password", "hunter2!");
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.templateFrom = List.of(literal("pw: {password}", DecodingStrategy.Base64));
        TemplateException e = assertThrows(
                TemplateException.class, () -> renderer.render("ns/es", template, notEncoded, TemplateSources.NONE));
        assertEquals(TemplateErrorReason.TemplateOutputError, e.reasonCode());
        assertEquals(
                "templateFrom[0].literal: valuesDecodingStrategy Base64: a rendered value is not standard (+/)"
                        + " base64 padded to a multiple of 4 characters",
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void decodedBinaryCannotBecomeALabel() {
        TemplateFrom labels = literal("bin: {blob}", DecodingStrategy.Base64);
        labels.target = TemplateFrom.Target.Labels;
        TemplateException e = assertThrows(TemplateException.class, () -> render(labels));
        assertEquals(TemplateErrorReason.TemplateOutputError, e.reasonCode());
    }
}
