package io.sluice.values;

import static io.sluice.values.Bytes.map;
import static io.sluice.values.Bytes.text;
import static io.sluice.values.Rewrites.transform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransformRewriteTest {

    private static String transformKey(String template, String key) {
        return KeyRewriter.rewrite(List.of(transform(template)), map(key, "v")).keySet().iterator().next();
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
                Arguments.of("a{b}{{ .value }}", "k", "a{b}k"));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("templates")
    void rendersTheKey(String template, String key, String expected) {
        assertEquals(expected, transformKey(template, key));
    }

    @Test
    void transformAppliesToEveryKeyAndKeepsValues() {
        assertEquals(Map.of("USERNAME", "u", "PASSWORD", "p"),
                text(KeyRewriter.rewrite(List.of(transform("{{ .value | upper }}")), map("username", "u", "password", "p"))));
    }

    @ParameterizedTest
    @MethodSource("unsupportedGoTemplates")
    void unsupportedGoConstructsAreNamed(String template, String construct) {
        ExtractionException e = assertThrows(ExtractionException.UnsupportedRewrite.class, () -> transformKey(template, "k"));
        assertTrue(e.getMessage().startsWith("transform template uses " + construct + ", which Sluice does not support"),
                e.getMessage());
        assertEquals("UnsupportedRewrite", e.reason());
    }

    static Stream<Arguments> unsupportedGoTemplates() {
        return Stream.of(
                Arguments.of("{{ .value | title }}", "title"),
                Arguments.of("{{ .key }}", ".key"),
                Arguments.of("{{ if .value }}x{{ end }}", "if"),
                Arguments.of("{{ printf \"%s\" .value }}", "printf"),
                Arguments.of("{{ $x := .value }}", "$x"),
                Arguments.of("{{ .value | upper .value }}", ".value"));
    }

    @ParameterizedTest
    @MethodSource("invalidTemplates")
    void invalidTemplatesAreClearErrors(String template) {
        ExtractionException e = assertThrows(ExtractionException.InvalidRewrite.class, () -> transformKey(template, "k"));
        assertTrue(e.getMessage().contains(template), e.getMessage());
    }

    static Stream<String> invalidTemplates() {
        return Stream.of("{{ .value ", "{{ .value | replace \"-\" }}", "{{ .value | replace \"-\" \"_ }}",
                "{value", "{value.foo}", "{other}", "{value.replace('a')}", "");
    }

    @Test
    void duplicateResultIsAnError() {
        assertThrows(ExtractionException.DuplicateKey.class,
                () -> KeyRewriter.rewrite(List.of(transform("{{ .value | lower }}")), map("KEY", "1", "key", "2")));
    }
}
