package io.sluice.template;

import static io.sluice.template.Render.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile templates end in a TemplateLimitExceeded error naming the bound, quickly and without
 * exhausting memory or the stack. Bounded memory is shown by the error arriving at all: each of these
 * templates would otherwise need gigabytes, hours of CPU, or more stack than a thread has.
 */
class TemplateLimitsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    private static TemplateException limitHit(String template, String... keysAndValues) {
        TemplateException e = assertTimeoutPreemptively(
                QUICKLY, () -> assertThrows(TemplateException.class, () -> render(template, keysAndValues), template));
        assertEquals("TemplateLimitExceeded", e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("data[test]: template limit exceeded: "), e.getMessage());
        return e;
    }

    @Test
    @DisplayName("Two indent 400000000 in one template are refused before any padding is built")
    void indentBomb() {
        TemplateException go =
                limitHit("{{ .value | indent 400000000 }}{{ .value | indent 400000000 }}", "value", "a\nb");
        assertTrue(
                go.getMessage()
                        .contains("function indent would produce 800,000,003 characters, more than the 1 MiB limit"),
                go.getMessage());
        limitHit("{value.nindent(400000000)}", "value", "x");
        // a modest width over many lines multiplies just the same
        limitHit("{{ .value | indent 100 }}", "value", "\n".repeat(20_000));
    }

    @Test
    void repeatBeyondTheSecretLimit() {
        TemplateException e = limitHit("{{ repeat 2000000 .value }}", "value", "ab");
        assertTrue(e.getMessage().contains("function repeat would produce 4,000,000 characters"), e.getMessage());
        assertEquals("ababab", render("{{ repeat 3 .value }}", "value", "ab"));
    }

    @Test
    @DisplayName("replace, join and printf cannot multiply a value past the limit either")
    void otherAmplifiers() {
        String big = "x".repeat(2000);
        limitHit("{{ .value | replace \"\" .big }}", "value", big, "big", big);
        limitHit("{{ .list | fromJson | join .big }}", "list", "[" + "\"a\",".repeat(1000) + "\"a\"]", "big", big);
        limitHit("{fn:printf('" + "%s".repeat(600) + "', " + "big,".repeat(599) + "big)}", "big", big);
    }

    @Test
    @DisplayName("Output beyond 1 MiB is an error, not a Secret the API server will refuse")
    void outputLargerThanASecret() {
        TemplateException e = limitHit("{#for i in 2000}{value}{/for}", "value", "v".repeat(1000));
        assertTrue(
                e.getMessage().contains("the rendered output is larger than the 1 MiB Secret size limit"),
                e.getMessage());
        assertEquals(
                1000 * 1000,
                render("{#for i in 1000}{value}{/for}", "value", "v".repeat(1000))
                        .length());
    }

    @Test
    @DisplayName("Nested loops over large ranges stop at the loop-step limit, in Qute and in Go")
    void nestedLoops() {
        TemplateException qute = limitHit("{#for i in 100000}{#for j in 100000}{/for}{/for}");
        assertTrue(qute.getMessage().contains("loop steps"), qute.getMessage());
        limitHit("{{ range $i := 100000 }}{{ range $j := 100000 }}{{ end }}{{ end }}");
        // a single loop Qute would size its result list by: refused before it starts
        limitHit("{#for i in 2000000000}x{/for}");
        // counted across loops that are each small enough on their own
        limitHit("{#for i in 300}{#for j in 300}{#for k in 300}{/for}{/for}{/for}");
        assertEquals(
                10_000, render("{#for i in 100}{#for j in 100}x{/for}{/for}").length());
    }

    @Test
    @DisplayName("20,000 nested ifs are a template error, not a StackOverflowError, in both syntaxes")
    void deepNesting() {
        int n = 20_000;
        TemplateException qute = limitHit("{#if x}".repeat(n) + "y" + "{/if}".repeat(n), "x", "1");
        assertTrue(qute.getMessage().contains("nested more than 100 levels deep at line 1"), qute.getMessage());
        TemplateException go = limitHit("{{ if .x }}".repeat(n) + "y" + "{{ end }}".repeat(n), "x", "1");
        assertTrue(go.getMessage().contains("nested more than 100 levels"), go.getMessage());
        limitHit("{" + "fn:upper(".repeat(n) + "x" + ")".repeat(n) + "}", "x", "1");
        limitHit("{{ " + "(".repeat(n) + ".x" + ")".repeat(n) + " }}", "x", "1");
        limitHit("{{ $a := .x }}".repeat(200) + "{{ $a }}", "x", "1");
        // real templates nest a few levels and are untouched
        assertEquals("y", render("{#if x}".repeat(50) + "y" + "{/if}".repeat(50), "x", "1"));
    }

    @Test
    @DisplayName("A StackOverflowError on a thread with little stack still ends as a template error")
    void stackOverflowIsATemplateError() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        String template = "{#if x}".repeat(90) + "small stack" + "{/if}".repeat(90);
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        render(template, "x", "1");
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                },
                "small-stack",
                16 * 1024);
        small.start();
        small.join();
        TemplateException e = assertInstanceOf(TemplateException.class, thrown.get());
        assertEquals("TemplateLimitExceeded", e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
        assertEquals("small stack", render(template, "x", "1"));
    }

    @Test
    void templateLargerThanASecretIsNotParsed() {
        limitHit("{{ .x }}" + "t".repeat(1024 * 1024), "x", "1");
        limitHit("{x}" + "t".repeat(1024 * 1024), "x", "1");
    }

    @Test
    @DisplayName("A template that fails to parse is described by position and construct, never by its text")
    void parseErrorsDoNotQuoteTheTemplate() {
        List<String> templates = List.of(
                "a: {" + PEM_BODY + "\n-----END PRIVATE KEY-----",
                "{#if " + PEM_BODY + "}x",
                "{x." + PEM_BODY + "+/=}",
                "{x." + PEM_BODY + "}",
                "{#" + PEM_BODY + "}x{/}",
                "{{ .x " + PEM_BODY + "+/ }}",
                "{{ .x | b64enc " + PEM_BODY + " }}",
                "{{ .x }} {{ 1" + PEM_BODY + " }}",
                "{{ else " + PEM_BODY + "+ }}",
                "{{ .x \"" + PEM_BODY + "\" }}");
        for (String template : templates) {
            TemplateException e = assertThrows(TemplateException.class, () -> render(template, "x", "1"), template);
            assertFalse(e.getMessage().contains(PEM_BODY.substring(0, 16)), template + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains("line 1"), template + " -> " + e.getMessage());
        }
    }

    @Test
    @DisplayName("A key missing from a parsed value names the key, not the keys the value holds")
    void renderErrorsDoNotQuoteDerivedValues() {
        String json = java.util.Base64.getEncoder().encodeToString("{\"token-7f3a\": \"v\"}".getBytes());
        TemplateException e =
                assertThrows(TemplateException.class, () -> render("{x.b64dec.fromJson.nosuch}", "x", json));
        assertEquals("TemplateKeyNotFound", e.reason());
        assertFalse(e.getMessage().contains("7f3a"), e.getMessage());
        assertTrue(e.getMessage().contains("\"nosuch\" not found"), e.getMessage());
        TemplateException property =
                assertThrows(TemplateException.class, () -> render("{x.b64dec.nosuch}", "x", json));
        assertEquals("TemplateUnknownFunction", property.reason());
    }
}
