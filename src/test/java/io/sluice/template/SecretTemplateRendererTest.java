package io.sluice.template;

import static io.sluice.template.Render.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.TemplateFrom;
import io.sluice.api.v1.TemplateMetadata;
import io.sluice.api.v1.TemplateRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ESO's template rules (eso-api.md 1a, template.* rows) over the Qute engine. */
class SecretTemplateRendererTest {
    private final SecretTemplateRenderer renderer = new SecretTemplateRenderer();
    private final Map<String, byte[]> fetched = values("user", "admin", "password", "s3cret", "db-host", "db.local");

    private static Map<String, String> text(Map<String, byte[]> data) {
        Map<String, String> out = new TreeMap<>();
        data.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static TemplateRef.Item item(String key, TemplateRef.TemplateAs as) {
        TemplateRef.Item item = new TemplateRef.Item();
        item.key = key;
        item.templateAs = as;
        return item;
    }

    @Test
    void noTemplateCopiesTheFetchedValues() {
        RenderedSecret secret = renderer.render("ns/es", null, fetched, TemplateSources.NONE);
        assertEquals(text(fetched), text(secret.data()));
        assertNull(secret.type());
    }

    @Test
    void replaceKeepsOnlyRenderedKeysWithTypeAndMetadata() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.type = "kubernetes.io/basic-auth";
        template.data = Map.of("username", "{user}", "url", "postgres://{user}@{data:['db-host']}");
        template.metadata = new TemplateMetadata();
        template.metadata.labels = Map.of("app", "{user.upper}");
        template.metadata.annotations = Map.of("note", "static");
        RenderedSecret secret = renderer.render("ns/es", template, fetched, TemplateSources.NONE);
        assertEquals(Map.of("username", "admin", "url", "postgres://admin@db.local"), text(secret.data()));
        assertEquals("kubernetes.io/basic-auth", secret.type());
        assertEquals(Map.of("app", "ADMIN"), secret.labels());
        assertEquals(Map.of("note", "static"), secret.annotations());
        assertFalse(secret.merged());
    }

    @Test
    void mergeAddsTheFetchedKeysAndRenderedKeysWin() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.mergePolicy = ExternalSecretTemplate.MergePolicy.Merge;
        template.data = Map.of("password", "{password.b64enc}");
        RenderedSecret secret = renderer.render("ns/es", template, fetched, TemplateSources.NONE);
        assertEquals(Map.of("user", "admin", "password", "czNjcmV0", "db-host", "db.local"), text(secret.data()));
        assertTrue(secret.merged());
    }

    @Test
    @DisplayName("A template with only metadata keeps the fetched data (ESO's fallback)")
    void metadataOnlyTemplateKeepsTheFetchedData() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.metadata = new TemplateMetadata();
        template.metadata.labels = Map.of("owner", "team-{user}");
        RenderedSecret secret = renderer.render("ns/es", template, fetched, TemplateSources.NONE);
        assertEquals(text(fetched), text(secret.data()));
        assertEquals(Map.of("owner", "team-admin"), secret.labels());
    }

    @Test
    void templateFromConfigMapSecretAndLiteralWithTargets() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        TemplateFrom fromConfigMap = new TemplateFrom();
        fromConfigMap.configMap = new TemplateRef();
        fromConfigMap.configMap.name = "tpl";
        fromConfigMap.configMap.items =
                List.of(item("config.yaml", null), item("pairs", TemplateRef.TemplateAs.KeysAndValues));
        TemplateFrom fromSecret = new TemplateFrom();
        fromSecret.secret = new TemplateRef();
        fromSecret.secret.name = "tpl-secret";
        fromSecret.secret.items = List.of(item("extra", TemplateRef.TemplateAs.Values));
        TemplateFrom literalLabels = new TemplateFrom();
        literalLabels.literal = "team: \"{user}\"\ntier: backend";
        literalLabels.target = TemplateFrom.Target.Labels;
        template.templateFrom = List.of(fromConfigMap, fromSecret, literalLabels);
        template.data = Map.of("extra", "data wins over templateFrom");
        TemplateSources sources = new TemplateSources() {
            @Override
            public Map<String, String> configMap(String name) {
                return name.equals("tpl")
                        ? Map.of("config.yaml", "user: {user}\n", "pairs", "{user}-key: \"{password}\"\nfixed: value")
                        : null;
            }

            @Override
            public Map<String, byte[]> secret(String name) {
                return Map.of("extra", "{{ .user }}".getBytes());
            }
        };
        RenderedSecret secret = renderer.render("ns/es", template, fetched, sources);
        assertEquals(
                Map.of(
                        "config.yaml",
                        "user: admin\n",
                        "admin-key",
                        "s3cret",
                        "fixed",
                        "value",
                        "extra",
                        "data wins over templateFrom"),
                text(secret.data()));
        assertEquals(Map.of("team", "admin", "tier", "backend"), secret.labels());
    }

    @Test
    void missingTemplateSourceIsASourceError() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        TemplateFrom from = new TemplateFrom();
        from.configMap = new TemplateRef();
        from.configMap.name = "absent";
        from.configMap.items = List.of(item("k", null));
        template.templateFrom = List.of(from);
        TemplateException e = assertThrows(
                TemplateException.class, () -> renderer.render("ns/es", template, fetched, TemplateSources.NONE));
        assertEquals("TemplateSourceError", e.reason());
        assertEquals("templateFrom[0].configMap absent/k: ConfigMap absent not found", e.getMessage());
    }

    @Test
    void keysAndValuesThatAreNotAMapFailWithoutQuotingTheOutput() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        TemplateFrom from = new TemplateFrom();
        from.literal = "- {password}";
        template.templateFrom = List.of(from);
        TemplateException e = assertThrows(
                TemplateException.class, () -> renderer.render("ns/es", template, fetched, TemplateSources.NONE));
        assertEquals("TemplateOutputError", e.reason());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    @DisplayName("One failing key fails the whole render, naming that key")
    void oneFailingKeyFailsTheRender() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.data = new TreeMap<>(Map.of("a-good", "{user}", "tls.crt", "{{ .missing }}"));
        TemplateException e = assertThrows(
                TemplateException.class, () -> renderer.render("ns/es", template, fetched, TemplateSources.NONE));
        assertEquals("TemplateKeyNotFound", e.reason());
        assertEquals("data[tls.crt]", e.template());
        assertTrue(e.getMessage().startsWith("data[tls.crt]: unknown key at line 1"), e.getMessage());
    }

    @Test
    void labelsMustRenderText() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.metadata = new TemplateMetadata();
        template.metadata.labels = Map.of("bin", "{blob.b64dec}");
        TemplateException e = assertThrows(
                TemplateException.class,
                () -> renderer.render("ns/es", template, values("blob", "/wD+"), TemplateSources.NONE));
        assertEquals("TemplateOutputError", e.reason());
        assertEquals("metadata.labels[bin]: rendered binary data where text is required", e.getMessage());
    }
}
