package io.sluice.template;

import static io.sluice.template.Render.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    @Test
    void plainKeysAndKeysWithDashesAndDots() {
        assertEquals(
                "bob:pw:dc:ab",
                render(
                        "{username}:{data:['db-password']}:{data:['.dockerconfigjson']}:{data:['a.b']}",
                        "username",
                        "bob",
                        "db-password",
                        "pw",
                        ".dockerconfigjson",
                        "dc",
                        "a.b",
                        "ab"));
        assertEquals("pw", render("{db-password}", "db-password", "pw"));
    }

    @Test
    void functionsAsMethodsAndAsNamespaceCalls() {
        assertEquals("Ym9i", render("{username.b64enc}", "username", "bob"));
        assertEquals("BOB", render("{fn:upper(username)}", "username", "bob"));
        assertEquals(
                "bob:pw",
                render("{fn:printf('%s:%s', username, data:['db-password'])}", "username", "bob", "db-password", "pw"));
        assertEquals(
                "Ym9iOnB3",
                render("{fn:printf('%s:%s', username, password).b64enc}", "username", "bob", "password", "pw"));
        assertEquals("    a\n    b", render("{text.indent(4)}", "text", "a\nb"));
        assertEquals("HELLO", render("{encoded.b64dec.upper}", "encoded", "aGVsbG8="));
    }

    @Test
    void literalBracesAndJsonText() {
        assertEquals("{username}", render("\\{username}", "username", "bob"));
        assertEquals("{username} {x}", render("{|{username} {x}|}", "username", "bob"));
        assertEquals("{\"user\": \"bob\"}", render("{\"user\": \"{username}\"}", "username", "bob"));
        assertEquals("{ \"a\": 1 }", render("{ \"a\": 1 }"));
        assertEquals("{{ not go }}", render("\\{\\{ not go }}"));
    }

    @Test
    void orFallsBackForMissingKeysWhileDefaultHandlesEmptyValues() {
        assertEquals("x", render("{missing.or('x')}", "other", "1"));
        assertEquals("fallback", render("{empty.default('fallback')}", "empty", ""));
    }

    @Test
    void fromJsonResultsAreNavigable() {
        assertEquals(
                "db.local:5432",
                render("{cfg.fromJson.host}:{cfg.fromJson.port}", "cfg", "{\"host\":\"db.local\",\"port\":5432}"));
        assertEquals("a,b,", render("{#for x in list.fromJson}{x},{/for}", "list", "[\"a\",\"b\"]"));
    }

    @Test
    void binaryValuesAreWrittenByteForByte() {
        byte[] binary = {(byte) 0xff, 0x00, (byte) 0xfe, 0x41};
        String encoded = Base64.getEncoder().encodeToString(binary);
        byte[] out = Render.ENGINE.render("data[ks]", "{ks.b64dec}", Render.values("ks", encoded));
        assertArrayEquals(binary, out);
        byte[] framed = Render.ENGINE.render("data[ks]", "<{ks.b64dec}>", Render.values("ks", encoded));
        assertArrayEquals(new byte[] {'<', (byte) 0xff, 0x00, (byte) 0xfe, 0x41, '>'}, framed);
        assertEquals(encoded, render("{ks.b64dec.b64enc}", "ks", encoded));
    }

    @Test
    @DisplayName("A missing key is an error naming key, template and line, never an empty string")
    void missingKeyIsAnError() {
        TemplateException e =
                assertThrows(TemplateException.class, () -> render("line1\n  {passwrd}", "password", "x"));
        assertEquals("TemplateKeyNotFound", e.reason());
        assertTrue(e.getMessage().startsWith("data[test]: unknown key at line 2, column 3"), e.getMessage());
        assertTrue(e.getMessage().contains("passwrd"), e.getMessage());

        TemplateException dashed =
                assertThrows(TemplateException.class, () -> render("{data:['db-pass']}", "db-password", "x"));
        assertEquals("TemplateKeyNotFound", dashed.reason());
        assertTrue(
                dashed.getMessage().contains("\"db-pass\" not found; the fetched keys are [db-password]"),
                dashed.getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("ok\n{#if x}unclosed", "x", "1"));
        assertEquals("TemplateSyntaxError", e.reason());
        assertTrue(e.getMessage().startsWith("data[test]: syntax error at line"), e.getMessage());
    }

    @Test
    void unknownFunctionsAreReported() {
        TemplateException method = assertThrows(TemplateException.class, () -> render("{x.b64encode}", "x", "1"));
        assertEquals("TemplateUnknownFunction", method.reason());
        assertTrue(method.getMessage().contains("b64encode"), method.getMessage());
        TemplateException namespaced =
                assertThrows(TemplateException.class, () -> render("a\n{fn:nosuch(x)}", "x", "1"));
        assertEquals("TemplateUnknownFunction", namespaced.reason());
        assertTrue(namespaced.getMessage().contains("nosuch: unknown function at line 2"), namespaced.getMessage());
    }

    @Test
    void functionFailuresNameTheFunctionAndLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("a\nb {x.b64dec}", "x", "%%%"));
        assertEquals("TemplateFunctionError", e.reason());
        assertEquals("data[test]: function b64dec: input is not valid base64 at line 2, column 3", e.getMessage());
    }

    @Test
    @DisplayName("No error message ever contains a secret value")
    void errorMessagesNeverContainValues() {
        String marker = "SECRET-MARKER-7f3a";
        Map<String, String> failing = Map.of(
                "{x.fromJson}", "not json " + marker,
                "{x.fromYaml}", "a: [" + marker,
                "{x.nope}", marker,
                "{x.b64dec}", marker + "%%",
                "{x.pkcs12key}", marker,
                "{x.fromJson.missing}", "{\"k\":\"" + marker + "\"}",
                "{#for i in x}{i}{/for}", marker,
                "{{ .x | fromJson }}", "{" + marker,
                "{{ .y }}", marker,
                "{x.filterCertChain('leaf')}",
                        "-----BEGIN CERTIFICATE-----\n" + marker + "\n-----END CERTIFICATE-----\n");
        failing.forEach((template, value) -> {
            TemplateException e = assertThrows(TemplateException.class, () -> render(template, "x", value), template);
            assertFalse(e.getMessage().contains(marker), template + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("7f3a"), template + " -> " + e.getMessage());
        });
    }

    @Test
    @DisplayName("1,000 renders of the same template parse it once")
    void parsedTemplatesAreCachedByContent() {
        TemplateEngine engine = new TemplateEngine();
        SecretTemplateRenderer renderer = new SecretTemplateRenderer(engine);
        io.sluice.api.v1.ExternalSecretTemplate template = new io.sluice.api.v1.ExternalSecretTemplate();
        template.data = Map.of("url", "postgres://{user}:{password}@db/{name}", "go", "{{ .user | upper }}");
        for (int i = 0; i < 1000; i++) {
            RenderedSecret secret = renderer.render(
                    "ns/es-" + i,
                    template,
                    Render.values("user", "u" + i, "password", "p" + i, "name", "db"),
                    TemplateSources.NONE);
            assertEquals(
                    "postgres://u" + i + ":p" + i + "@db/db",
                    new String(secret.data().get("url")));
        }
        assertEquals(2, engine.parseCount());
    }

    @Test
    @DisplayName(
            "Key templates go through the same parse cache: 1,000 rewrites, and a Secret template of the same text, parse once")
    void keyTemplatesShareTheParseCache() {
        TemplateEngine engine = new TemplateEngine();
        for (int i = 0; i < 1000; i++) {
            assertEquals(
                    "K" + i,
                    engine.keyTemplate("rewrite[0].transform.template", "{{ .value | upper }}", 253)
                            .render("k" + i));
        }
        assertEquals(1, engine.parseCount());
        assertArrayEquals(
                "BOB".getBytes(), engine.render("data[x]", "{{ .value | upper }}", Render.values("value", "bob")));
        assertEquals(1, engine.parseCount());
        engine.keyTemplate("rewrite[0].transform.template", "{value.upper}", 253)
                .render("k");
        assertEquals(2, engine.parseCount());
    }

    @Test
    @DisplayName("A key template sees the key as .value and nothing else, as in ESO")
    void keyTemplateSeesOnlyTheKey() {
        KeyTemplate all = Render.ENGINE.keyTemplate("t", "{{ range $k, $v := . }}{{ $k }}:{{ $v }};{{ end }}", 253);
        assertEquals("value:db/user;", all.render("db/user"));
        assertEquals(
                "string",
                Render.ENGINE.keyTemplate("t", "{{ typeOf .value }}", 253).render("k"));
        // the key is not a secret value, so it is not masked: a Secret template would print "at *** 1" here
        TemplateException missing = assertThrows(
                TemplateException.class,
                () -> Render.ENGINE.keyTemplate("t", "{{ .password }}", 253).render("line"));
        assertEquals("TemplateKeyNotFound", missing.reason());
        assertTrue(missing.getMessage().startsWith("t: unknown key at line 1"), missing.getMessage());
    }
}
