package io.sluice.values;

import static io.sluice.values.Bytes.map;
import static io.sluice.values.Bytes.text;
import static io.sluice.values.Rewrites.regexp;
import static io.sluice.values.Rewrites.transform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransformRewriteTest {

    private static String transformKey(String template, String key) {
        return KeyRewriter.rewrite(List.of(transform(template)), map(key, "v"))
                .keySet()
                .iterator()
                .next();
    }

    static Stream<Arguments> templates() {
        return Stream.of(
                // Qute form
                Arguments.of("{value}", "db-user", "db-user"),
                Arguments.of("prefix-{value}", "db-user", "prefix-db-user"),
                Arguments.of("{value.upper}", "db-user", "DB-USER"),
                Arguments.of("{value.lower}", "DB-User", "db-user"),
                Arguments.of("{value.replace('-','_')}", "a-b-c", "a_b_c"),
                Arguments.of("{value.trimPrefix('db-')}", "db-user", "user"),
                Arguments.of("{value.trimSuffix('-user')}", "db-user", "db"),
                Arguments.of("{value.trimPrefix('x')}", "db-user", "db-user"),
                Arguments.of("{value.replace('-','_').upper}", "db-user", "DB_USER"),
                // Go form, as in ESO's documentation
                Arguments.of("{{ .value }}", "db-user", "db-user"),
                Arguments.of("{{ .value | upper }}", "db-user", "DB-USER"),
                Arguments.of("{{.value|lower}}", "DB-User", "db-user"),
                Arguments.of("secret-{{ .value | lower }}", "API", "secret-api"),
                Arguments.of("{{ .value | replace \"-\" \"_\" | upper }}", "db-user", "DB_USER"),
                Arguments.of("{{ .value | replace `-` `.` }}", "db-user", "db.user"),
                Arguments.of("{{ upper .value }}", "db-user", "DB-USER"),
                Arguments.of("{{ trimPrefix \"db-\" .value }}", "db-user", "user"),
                Arguments.of("{{ .value | trimSuffix \"-user\" }}", "db-user", "db"),
                Arguments.of("{{ .value }}-{{ .value | upper }}", "k", "k-K"),
                Arguments.of("  {{- .value -}}  ", "k", "k"),
                Arguments.of("a{b}{{ .value }}", "k", "a{b}k"),
                // the rest of ESO's Go syntax and function library, which the one engine gives transform too
                Arguments.of("{{ .value | title }}", "db user", "Db User"),
                Arguments.of("{{ printf \"%s_%s\" \"app\" .value }}", "key", "app_key"),
                Arguments.of(
                        "{{ if hasPrefix \"db-\" .value }}DB_{{ .value | trimPrefix \"db-\" | upper }}"
                                + "{{ else }}{{ .value }}{{ end }}",
                        "db-user",
                        "DB_USER"),
                Arguments.of("{{ if hasPrefix \"db-\" .value }}x{{ else }}{{ .value }}{{ end }}", "api", "api"),
                Arguments.of("{{ $x := .value | upper }}{{ $x }}-{{ $x | lower }}", "k", "K-k"),
                Arguments.of("{{ .value | splitList \"/\" | last }}", "path/to/my/secrets/username", "username"),
                Arguments.of("{{ regexReplaceAll \"[^a-zA-Z0-9]\" .value \"_\" }}", "foo$baz/x", "foo_baz_x"),
                // piped, the key is the replacement (sprig's argument order), with $baz expanded as Go does
                Arguments.of("{{ .value | regexReplaceAll \"[^a-zA-Z0-9]\" \"_\" }}", "foo$baz/x", "foo/x"),
                Arguments.of("{{ .value | snakecase }}", "FirstName", "first_name"),
                Arguments.of("{{ with .value }}{{ . }}!{{ end }}", "k", "k!"),
                Arguments.of("{{ range $k, $v := . }}{{ $k }}={{ $v }}{{ end }}", "k", "value=k"),
                Arguments.of("{{ . | toJson }}", "k", "{\"value\":\"k\"}"),
                Arguments.of("{{ .value | sha256sum | trunc 8 }}", "k", "8254c329"),
                Arguments.of("{value.snakecase.upper}", "FirstName", "FIRST_NAME"));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("templates")
    void rendersTheKey(String template, String key, String expected) {
        assertEquals(expected, transformKey(template, key));
    }

    @Test
    void transformAppliesToEveryKeyAndKeepsValues() {
        assertEquals(
                Map.of("USERNAME", "u", "PASSWORD", "p"),
                text(KeyRewriter.rewrite(
                        List.of(transform("{{ .value | upper }}")), map("username", "u", "password", "p"))));
    }

    @ParameterizedTest
    @MethodSource("unsupportedGoTemplates")
    void unsupportedGoConstructsAreNamed(String template, String construct) {
        ExtractionException e =
                assertThrows(ExtractionException.UnsupportedRewrite.class, () -> transformKey(template, "k"));
        assertTrue(e.getMessage().startsWith("rewrite[0].transform.template: "), e.getMessage());
        assertTrue(e.getMessage().contains(construct), e.getMessage());
        assertTrue(e.getMessage().endsWith("(template: " + template + ")"), e.getMessage());
        assertEquals("UnsupportedRewrite", e.reason());
    }

    static Stream<Arguments> unsupportedGoTemplates() {
        return Stream.of(
                Arguments.of("{{ define \"x\" }}a{{ end }}{{ template \"x\" }}", "define"),
                Arguments.of("{{ range splitList \"-\" .value }}{{ break }}{{ end }}", "break"),
                Arguments.of("{{ .value | genCA }}", "genCA"),
                Arguments.of("{{ 'a' }}", "character"));
    }

    @ParameterizedTest
    @MethodSource("invalidTemplates")
    void invalidTemplatesAreClearErrors(String template) {
        ExtractionException e =
                assertThrows(ExtractionException.InvalidRewrite.class, () -> transformKey(template, "k"));
        assertTrue(e.getMessage().contains(template), e.getMessage());
    }

    static Stream<String> invalidTemplates() {
        return Stream.of(
                "{{ .value ",
                "{{ .value | replace \"-\" }}",
                "{{ .value | replace \"-\" \"_ }}",
                "{value",
                "{value.foo}",
                "{other}",
                "{value.replace('a')}",
                "",
                // ESO renders "<no value>" for a missing key; Sluice is strict here as in spec.target.template
                "{{ .key }}",
                "{{ .value | upper .value }}");
    }

    @Test
    void renderErrorsNameTheRewriteTheKeyAndTheProblem() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(
                        List.of(regexp("^", "x"), transform("{{ .value | b64dec }}")), map("a!", "v")));
        assertEquals(
                "rewrite[1].transform.template: function b64dec: input is not valid base64 at line 1 for key"
                        + " \"xa!\" (template: {{ .value | b64dec }})",
                e.getMessage());
        ExtractionException binary = assertThrows(
                ExtractionException.InvalidRewrite.class, () -> transformKey("{{ .value | b64dec }}", "//79"));
        assertEquals(
                "rewrite[0].transform.template: rendered binary data where a key is required for key \"//79\""
                        + " (template: {{ .value | b64dec }})",
                binary.getMessage());
        ExtractionException parse =
                assertThrows(ExtractionException.InvalidRewrite.class, () -> transformKey("{{ .value | upper ", "k"));
        assertEquals(
                "rewrite[0].transform.template: Go template syntax error at line 1: unclosed action"
                        + " (template: {{ .value | upper )",
                parse.getMessage());
    }

    @Test
    @DisplayName("A long template is quoted only in part, so the condition message stays short")
    void longTemplatesAreQuotedInPart() {
        String template = "{{ .value | nosuchfunction }}" + "x".repeat(1000);
        ExtractionException e = assertThrows(ExtractionException.class, () -> transformKey(template, "k"));
        assertTrue(e.getMessage().endsWith("(template: " + template.substring(0, 200) + "...)"), e.getMessage());
    }

    @Test
    @DisplayName("Tenant bounds apply to key templates: function output, loop steps and key length")
    void keyTemplatesAreBounded() {
        assertLimit(
                "{{ .value | indent 400000000 }}",
                map("k", "v"),
                "function indent would produce 400,000,001 characters, more than the 1 MiB limit");
        assertLimit("{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}", map("k", "v"), "loop steps");
        assertLimit(
                "{{ .value }}{{ repeat 4096 \"x\" }}",
                map("k", "v"),
                "the rendered key is longer than 4,096 characters");
        // stopped while it writes: 2 MB would otherwise reach the 1 MiB limit of a whole Secret first
        assertLimit(
                "{{ range until 2000 }}{{ repeat 1000 \"x\" }}{{ end }}",
                map("k", "v"),
                "the rendered key is longer than 4,096 characters");
        assertEquals(
                4096, transformKey("{{ .value }}{{ repeat 4095 \"x\" }}", "k").length());
    }

    @Test
    @DisplayName(
            "The keys of one rewrite share one loop budget (200 keys of 1,000 steps): many keys cannot multiply it")
    void loopBudgetIsSharedByTheKeysOfOneRewrite() {
        String loop = "{{ range until 1000 }}{{ end }}{{ .value }}";
        Map<String, byte[]> few = new LinkedHashMap<>();
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            if (i < 50) {
                few.put("k" + i, Bytes.utf8("v"));
            }
            many.put("k" + i, Bytes.utf8("v"));
        }
        assertEquals(50, KeyRewriter.rewrite(List.of(transform(loop)), few).size());
        assertLimit(loop, many, "loop steps");
        // the next rewrite starts with a full budget again
        assertEquals(50, KeyRewriter.rewrite(List.of(transform(loop)), few).size());
    }

    private static void assertLimit(String template, Map<String, byte[]> values, String expected) {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(List.of(transform(template)), values));
        assertTrue(
                e.getMessage().startsWith("rewrite[0].transform.template: template limit exceeded: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void duplicateResultIsAnError() {
        assertThrows(
                ExtractionException.DuplicateKey.class,
                () -> KeyRewriter.rewrite(List.of(transform("{{ .value | lower }}")), map("KEY", "1", "key", "2")));
    }
}
