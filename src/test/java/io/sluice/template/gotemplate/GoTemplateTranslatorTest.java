package io.sluice.template.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.template.functions.FunctionLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Go-to-Qute conversion table of docs/templating.md, row by row. */
class GoTemplateTranslatorTest {
    private final GoTemplateTranslator translator = new GoTemplateTranslator(FunctionLibrary.standard());

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            quoteCharacter = '~',
            value = {
                "{{ .username }} => {username}",
                "{{ index . \"db-password\" }} => {data:['db-password']}",
                "{{ .password | b64dec | upper }} => {password.b64dec.upper}",
                "{{ .cert | indent 4 }} => {cert.indent(4)}",
                "{{ .cert | nindent 2 }} => {cert.nindent(2)}",
                "{{ b64enc .user }} => {user.b64enc}",
                "{{ printf \"%s:%s\" .u .p | b64enc }} => {fn:printf('%s:%s',u,p).b64enc}",
                "{{ .cfg | fromJson | toJson }} => {cfg.fromJson.toJson}",
                "{{ (.cfg | fromJson).host }} => {cfg.fromJson.host}",
                "{{ replace \"-\" \"_\" .name }} => {name.replace('-','_')}",
                "{{ default \"none\" .x }} => {x.default('none')}",
                "{{ coalesce .a .b \"z\" }} => {fn:coalesce(a,b,'z')}",
                "{{ .ks | b64dec | pkcs12keyPass .pass }} => {ks.b64dec.pkcs12keyPass(pass)}",
                "{{ pemToPkcs12 .crt .key }} => {key.pemToPkcs12(crt)}",
                "{{ \"literal\" }} => literal",
                "{{/* a comment */}}x => x",
                "{{ if .debug }}on{{ else }}off{{ end }} => {#if debug}on{#else}off{/if}",
                "{{ if eq .env \"prod\" }}P{{ end }} => {#if (env == 'prod')}P{/if}",
                "{{ if and .a (ne .b \"x\") }}Y{{ end }} => {#if (a && (b != 'x'))}Y{/if}",
                "{{ if not .a }}N{{ end }} => {#if !a}N{/if}",
                "{{ if .a }}A{{ else if .b }}B{{ end }} => {#if a}A{#else if b}B{/if}",
                "{{ range .hosts | splitList \",\" }}[{{ . }}]{{ end }} => {#for item1 in go:range(hosts.splitList(','))}[{item1.value}]{/for}",
                "{{ range $i, $h := .l | fromJson }}{{ $i }}={{ $h }}{{ end }} => {#for item1 in go:range(l.fromJson)}{item1.key}={item1.value}{/for}",
                "{{ with .x }}{{ . }}{{ else }}none{{ end }} => {#let with1=x}{#if with1}{with1}{#else}none{/if}{/let}",
                "{{ . | toJson }} => {go:values.toJson}",
                "{{ $x := 1 }}{{ $x = 2 }}{{ $x }} => {#let var_x=go:variable(1)}{go:assign(var_x,2)}{var_x.value}{/let}",
                "{{ $c := .cfg | fromJson }}{{ $c.host }} => {#let var_c=cfg.fromJson}{var_c.host}{/let}",
            })
    void translates(String go, String qute) {
        assertEquals(qute, translator.translate(go));
    }

    @Test
    void keepsTextLiteralIncludingBraces() {
        assertEquals(
                "{|{\"auths\":{\"|}{data:['my-registry']}\":1}}",
                translator.translate("{\"auths\":{\"{{ index . \"my-registry\" }}\":1}}"));
    }

    @Test
    void trimMarkersRemoveWhitespaceButKeepLineNumbers() {
        String qute = translator.translate("a  \n  {{- .x -}}  \n  b\n{{ .y }}");
        assertEquals("a{!\n!}{x}b\n{!\n!}{y}", qute);
        assertEquals(4, qute.split("\n", -1).length, "still four lines");
    }

    @Test
    void insideLoopsRootKeysUseTheDataNamespace() {
        assertEquals(
                "{#for item1 in go:range(l.fromJson)}{data:['prefix']}{item1.value}{/for}",
                translator.translate("{{ range .l | fromJson }}{{ $.prefix }}{{ . }}{{ end }}"));
    }

    @Test
    void unsupportedConstructsAreNamedWithTheirLine() {
        String[][] cases = {
            {"a\n{{ define \"x\" }}y{{ end }}", "{{ define }}", "line 2"},
            {"{{ template \"x\" }}", "{{ template }}", "line 1"},
            {"{{ block \"x\" . }}y{{ end }}", "{{ block }}", "line 1"},
            {"{{ .x | semver }}", "function semver", "line 1"},
            {"{{ range $i, $v := .l }}{{ $i = 1 }}{{ end }}", "assigning to a range or with variable", "line 1"},
            {"{{ eq .a .b }}", "eq outside an if condition", "line 1"},
        };
        for (String[] c : cases) {
            GoTemplateException e = assertThrows(GoTemplateException.class, () -> translator.translate(c[0]), c[0]);
            assertTrue(e.unsupported(), c[0]);
            assertTrue(
                    e.getMessage().contains(c[1])
                            && e.getMessage().contains(c[2])
                            && e.getMessage().contains("docs/templating.md"),
                    e.getMessage());
        }
    }

    @Test
    void syntaxErrorsAreNotReportedAsUnsupported() {
        GoTemplateException unclosed = assertThrows(GoTemplateException.class, () -> translator.translate("a {{ .x "));
        assertFalse(unclosed.unsupported());
        GoTemplateException noEnd =
                assertThrows(GoTemplateException.class, () -> translator.translate("x\n{{ if .a }}yes"));
        assertTrue(
                noEnd.getMessage().contains("line 2") && noEnd.getMessage().contains("never closed"),
                noEnd.getMessage());
    }
}
