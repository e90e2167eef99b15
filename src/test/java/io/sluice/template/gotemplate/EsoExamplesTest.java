package io.sluice.template.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.template.RenderedSecret;
import io.sluice.template.SecretTemplateRenderer;
import io.sluice.template.TemplateException;
import io.sluice.template.TemplateSources;
import io.sluice.template.functions.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ESO's documented Go templates, rendered unchanged through the translation. */
class EsoExamplesTest {
    private final SecretTemplateRenderer renderer = new SecretTemplateRenderer();

    private Map<String, String> render(Map<String, String> templates, Map<String, byte[]> values) {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.data = templates;
        RenderedSecret secret = renderer.render("ns/es", template, values, TemplateSources.NONE);
        Map<String, String> out = new LinkedHashMap<>();
        secret.data().forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static Map<String, byte[]> values(String... kv) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void dockerConfigJson() {
        String template =
                "{\"auths\":{\"{{ .registry }}\":{\"username\":\"{{ .username }}\",\"password\":\"{{ .password }}\","
                        + "\"auth\":\"{{ printf \"%s:%s\" .username .password | b64enc }}\"}}}";
        Map<String, String> out = render(
                Map.of(".dockerconfigjson", template),
                values("registry", "registry.example.com", "username", "robot", "password", "hunter2"));
        assertEquals(
                "{\"auths\":{\"registry.example.com\":{\"username\":\"robot\",\"password\":\"hunter2\","
                        + "\"auth\":\"cm9ib3Q6aHVudGVyMg==\"}}}",
                out.get(".dockerconfigjson"));
    }

    @Test
    void tlsFromPkcs12() {
        TestPki pki = new TestPki();
        String keystore = Base64.getEncoder().encodeToString(pki.pkcs12(""));
        Map<String, String> out = render(
                Map.of(
                        "tls.crt", "{{ .keystore | b64dec | pkcs12cert }}",
                        "tls.key", "{{ .keystore | b64dec | pkcs12key }}",
                        "ca.crt", "{{ .keystore | b64dec | pkcs12cert | filterCertChain \"root\" }}"),
                values("keystore", keystore));
        assertEquals(TestPki.pem(pki.leaf) + TestPki.pem(pki.intermediate) + TestPki.pem(pki.root), out.get("tls.crt"));
        assertEquals(pki.leafKeyPemAsGo(), out.get("tls.key"));
        assertEquals(TestPki.pem(pki.root), out.get("ca.crt"));
    }

    @Test
    void postgresConnectionString() {
        Map<String, String> out = render(
                Map.of(
                        "DATABASE_URL",
                        "postgresql://{{ .username }}:{{ index . \"db-password\" }}@{{ .host }}:{{ .port | default \"5432\" }}/{{ .database }}?sslmode=require"),
                values(
                        "username",
                        "app",
                        "db-password",
                        "pw",
                        "host",
                        "pg.internal",
                        "port",
                        "",
                        "database",
                        "orders"));
        assertEquals("postgresql://app:pw@pg.internal:5432/orders?sslmode=require", out.get("DATABASE_URL"));
    }

    @Test
    void configFileWithConditionalsLoopsAndTrimMarkers() {
        String template = """
                [database]
                {{- if eq .env "prod" }}
                host = {{ .host | upper }}
                {{- else }}
                host = localhost
                {{- end }}
                {{- range $i, $h := .replicas | fromJson }}
                replica{{ $i }} = {{ $h }}
                {{- end }}
                """;
        Map<String, String> out =
                render(Map.of("app.ini", template), values("env", "prod", "host", "db", "replicas", "[\"r1\",\"r2\"]"));
        assertEquals("[database]\nhost = DB\nreplica0 = r1\nreplica1 = r2\n", out.get("app.ini"));
    }

    @Test
    void unsupportedConstructGivesAReasonAndPointsAtTheDocs() {
        ExternalSecretTemplate template = new ExternalSecretTemplate();
        template.data = Map.of("x", "line1\n{{ define \"t\" }}{{ . }}{{ end }}");
        TemplateException e = assertThrows(
                TemplateException.class,
                () -> renderer.render("ns/es", template, values("user", "u"), TemplateSources.NONE));
        assertEquals("UnsupportedGoTemplate", e.reason());
        assertTrue(e.getMessage().startsWith("data[x]: Go template construct {{ define }} at line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("docs/templating.md"), e.getMessage());
    }
}
