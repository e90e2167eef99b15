package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ESO's Go templates, rendered through Sluice's translation, compared byte for byte with what ESO
 * (Go text/template with sprig) prints for the same template and values. Each row: a name, the
 * template, the fetched values as key/value pairs, and ESO's output. Rows marked "ESO" are taken
 * from ESO's own TestExecute table; the others are sprig's documented results.
 */
class GoTemplateCasesTest {

    static Stream<Arguments> syntax() {
        return Stream.of(
                row(
                        "range k,v over a map: sorted keys with values (issue 13)",
                        "{{- range $k, $v := ( .complex | fromJson )}}{{ $k }}: {{ $v }};{{ end }}",
                        "{\"nested\":\"json\",\"can\":\"be\",\"templated\":\"too\"}",
                        "can: be;nested: json;templated: too;"),
                row(
                        "range over the whole set of values",
                        "{{ range $key, $val := . }}{{ $key }}={{ $val }};{{ end }}",
                        null,
                        "a=1;b=2;"),
                row(
                        "range with one variable over a map gives the values in key order",
                        "{{ range $v := (.complex | fromJson) }}{{ $v }}{{ end }}",
                        "{\"b\":\"2\",\"a\":\"1\"}",
                        "12"),
                row(
                        "range dot over a map",
                        "{{ range (.complex | fromJson) }}[{{ . }}]{{ end }}",
                        "{\"b\":\"2\",\"a\":\"1\"}",
                        "[1][2]"),
                row(
                        "range index and element over a list",
                        "{{ range $i, $v := list \"x\" \"y\" }}{{ $i }}{{ $v }}{{ end }}",
                        null,
                        "0x1y"),
                row("range over an integer (Go 1.22)", "{{ range 3 }}{{ . }}{{ end }}", null, "012"),
                row("range else on an empty list", "{{ range (list) }}x{{ else }}empty{{ end }}", null, "empty"),
                row(
                        "$ inside range is the root",
                        "{{ range $i, $v := list \"x\" }}{{ $.a }}{{ $v }}{{ end }}",
                        null,
                        "1x"),
                row(
                        "index with a computed key on the root",
                        "{{ range $k, $v := . }}{{ index $ $k }}{{ end }}",
                        null,
                        "12"),
                row("the whole map as JSON", "{{ . | toJson }}", null, "{\"a\":\"1\",\"b\":\"2\"}"),
                row(
                        "re-assignment inside if is seen after end",
                        "{{ $x := \"a\" }}{{ if true }}{{ $x = \"b\" }}{{ end }}{{ $x }}",
                        null,
                        "b"),
                row(
                        "re-assignment accumulates across range iterations",
                        "{{ $s := \"\" }}{{ range $k, $v := . }}{{ $s = printf \"%s%s\" $s $k }}{{ end }}{{ $s }}",
                        null,
                        "ab"),
                row("with sets the dot", "{{ with .a }}got {{ . }}{{ end }}", null, "got 1"),
                row(
                        "with else on an empty value",
                        "{{ with (.a | trimPrefix \"1\") }}x{{ else }}none {{ .b }}{{ end }}",
                        null,
                        "none 2"),
                row("with declaring a variable", "{{ with $v := .b }}{{ $v }}{{ $v }}{{ end }}", null, "22"),
                row("a map prints like Go", "{{ dict \"b\" 2 \"a\" 1 }}", null, "map[a:1 b:2]"),
                row("a list prints like Go", "{{ list \"a\" 1 }}", null, "[a 1]"),
                row("a float constant", "{{ 1.5 }}", null, "1.5"));
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                row("ESO: use sprig functions (ext)", "{{ .path | ext }}", "foo/bar/baz.exe", ".exe"),
                row(
                        "ESO: hexdec",
                        "{{ .path | sha256sum | hexdec | b64enc }}",
                        "example",
                        "UNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw="),
                row("toString of a number", "{{ 42 | toString }}", null, "42"),
                row("toString of a float", "{{ 2.50 | toString }}", null, "2.5"),
                row("toString of a large float", "{{ float64 \"1000000\" | toString }}", null, "1e+06"),
                row("hasPrefix", "{{ hasPrefix \"foo/\" .path }}", "foo/bar", "true"),
                row("hasSuffix", "{{ hasSuffix \".exe\" .path }}", "foo/bar", "false"),
                row("contains", "{{ .path | contains \"o/b\" }}", "foo/bar", "true"),
                row("trunc", "{{ trunc 5 \"hello world\" }}|{{ trunc -5 \"hello world\" }}", null, "hello|world"),
                row("len counts bytes like Go", "{{ len .path }}", "h\u00e9llo", "6"),
                row("len of a list", "{{ list 1 2 3 | len }}", null, "3"),
                row("substr", "{{ substr 1 3 \"hello\" }}", null, "el"),
                row("abbrev", "{{ abbrev 5 \"hello world\" }}", null, "he..."),
                row("nospace", "{{ nospace \"a b  c\" }}", null, "abc"),
                row("trimAll", "{{ trimAll \"$\" \"$5.00$\" }}", null, "5.00"),
                row(
                        "initials, swapcase, untitle",
                        "{{ initials \"First Try\" }} {{ swapcase \"Hello\" }} {{ untitle \"Hello World\" }}",
                        null,
                        "FT hELLO hello world"),
                row("plural", "{{ plural \"one\" \"many\" 2 }}", null, "many"),
                row("split gives _N keys", "{{ $p := split \"$\" \"foo$bar$baz\" }}{{ $p._1 }}", null, "bar"),
                row(
                        "toJson sorts keys and escapes HTML like encoding/json",
                        "{{ .complex | fromJson | toJson }}",
                        "{\"b\":\"<&>\",\"a\":1.50,\"c\":1e21}",
                        "{\"a\":1.5,\"b\":\"\\u003c\\u0026\\u003e\",\"c\":1e+21}"),
                row("toRawJson keeps HTML characters", "{{ dict \"k\" \"<a>\" | toRawJson }}", null, "{\"k\":\"<a>\"}"),
                row(
                        "toPrettyJson",
                        "{{ .complex | fromJson | toPrettyJson }}",
                        "{\"b\":[1,2],\"a\":\"x\"}",
                        "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    2\n  ]\n}"),
                row(
                        "fromJson numbers are float64, printed as Go prints them",
                        "{{ $c := .complex | fromJson }}{{ $c.port }} {{ $c.big }} {{ $c.port | toString }}",
                        "{\"port\":5432,\"big\":12345678}",
                        "5432 1.2345678e+07 5432"),
                row(
                        "toYaml sorts keys",
                        "{{ .complex | fromJson | toYaml }}",
                        "{\"b\":\"2\",\"a\":\"1\"}",
                        "a: \"1\"\nb: \"2\""),
                row("list and toJson", "{{ list 1 2 3 | toJson }}", null, "[1,2,3]"),
                row("append", "{{ append (list \"a\" \"b\") \"c\" | toJson }}", null, "[\"a\",\"b\",\"c\"]"),
                row(
                        "first, last, rest, initial",
                        "{{ $l := list 1 2 3 }}{{ first $l }}{{ last $l }}{{ rest $l }}{{ initial $l }}",
                        null,
                        "13[2 3][1 2]"),
                row(
                        "uniq, without, has",
                        "{{ list 1 1 2 | uniq }}{{ without (list 1 2 3) 2 }}{{ has 2 (list 1 2) }}",
                        null,
                        "[1 2][1 3]true"),
                row("dict, get", "{{ $d := dict \"a\" \"1\" }}{{ get $d \"a\" }}[{{ get $d \"zz\" }}]", null, "1[]"),
                row(
                        "set changes the dict it is given",
                        "{{ $d := dict \"a\" \"1\" }}{{ $_ := set $d \"b\" \"2\" }}{{ get $d \"b\" }}",
                        null,
                        "2"),
                row(
                        "hasKey",
                        "{{ $d := dict \"a\" \"1\" }}{{ hasKey $d \"a\" }}{{ hasKey $d \"b\" }}",
                        null,
                        "truefalse"),
                row("keys sorted", "{{ keys (dict \"b\" 1 \"a\" 2) | sortAlpha | join \",\" }}", null, "a,b"),
                row(
                        "values, pick, omit",
                        "{{ $d := dict \"a\" 1 \"b\" 2 }}{{ values $d }}{{ pick $d \"a\" }}{{ omit $d \"a\" }}",
                        null,
                        "[1 2]map[a:1]map[b:2]"),
                row(
                        "dig",
                        "{{ dig \"x\" \"y\" \"none\" (.complex | fromJson) }}",
                        "{\"x\":{\"y\":\"found\"}}",
                        "found"),
                row(
                        "merge keeps the destination's values",
                        "{{ merge (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}",
                        null,
                        "map[a:1 b:3]"),
                row(
                        "add, sub, mul, div, mod",
                        "{{ add 1 2 3 }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }}",
                        null,
                        "6 -2 24 3 1"),
                row(
                        "add1 and atoi read strings",
                        "{{ add1 \"41\" }} {{ atoi \"12\" }} {{ int \"0x10\" }}",
                        null,
                        "42 12 16"),
                row("max, min", "{{ max 1 5 3 }} {{ min 4 2 8 }}", null, "5 2"),
                row(
                        "whole numbers beyond 32 bits are 64-bit ints, as in Go",
                        "{{ 7200000000001 }} {{ add 7200000000000 1 }} {{ -3000000000 }}",
                        null,
                        "7200000000001 7200000000001 -3000000000"),
                row("float math", "{{ divf 1 4 }} {{ mulf 1.5 2 }} {{ addf 0.1 0.2 }}", null, "0.25 3 0.3"),
                row("ceil, floor, round", "{{ ceil 1.2 }} {{ floor 1.8 }} {{ round 3.14159 2 }}", null, "2 1 3.14"),
                row("until, seq", "{{ until 3 | toJson }} {{ seq 3 }} {{ seq 3 -1 1 }}", null, "[0,1,2] 1 2 3 3 2 1"),
                row("regexMatch", "{{ regexMatch \"^[a-z]+$\" \"abc\" }}", null, "true"),
                row(
                        "regexFind, regexFindAll",
                        "{{ regexFind \"[0-9]+\" \"ab12cd34\" }} {{ regexFindAll \"[0-9]+\" \"ab12cd34\" -1 }}",
                        null,
                        "12 [12 34]"),
                row(
                        "regexReplaceAll expands groups like Go",
                        "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}",
                        null,
                        "-W-xxW-"),
                row(
                        "regexReplaceAll: $1W names group 1W, which is empty",
                        "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }}",
                        null,
                        "---"),
                row(
                        "regexReplaceAllLiteral",
                        "{{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\" }}",
                        null,
                        "-${1}-${1}-"),
                row("regexSplit", "{{ regexSplit \"a\" \"banana\" -1 | toJson }}", null, "[\"b\",\"n\",\"n\",\"\"]"),
                row("regexQuoteMeta", "{{ regexQuoteMeta \"1.5-2.0?\" }}", null, "1\\.5-2\\.0\\?"),
                row(
                        "base, dir, clean, isAbs",
                        "{{ base \"/a/b.txt\" }} {{ dir \"/a/b.txt\" }} {{ clean \"a//b/../c\" }} {{ isAbs \"/x\" }}",
                        null,
                        "b.txt /a a/c true"),
                row("adler32sum", "{{ adler32sum \"hello\" }}", null, "103547413"),
                row(
                        "ternary, empty",
                        "{{ ternary \"yes\" \"no\" true }} {{ empty \"\" }} {{ empty \"x\" }}",
                        null,
                        "yes true false"),
                row("typeOf, kindIs", "{{ typeOf 1 }} {{ kindIs \"string\" .path }}", "p", "int true"),
                row("date of Unix seconds", "{{ date \"2006-01-02\" 1700000000 }}", null, "2023-11-14"),
                row(
                        "toDate then date",
                        "{{ toDate \"2006-01-02\" \"2024-03-05\" | date \"Jan 2, 2006\" }}",
                        null,
                        "Mar 5, 2024"),
                row(
                        "a time prints like Go",
                        "{{ toDate \"2006-01-02\" \"2024-03-05\" }}",
                        null,
                        "2024-03-05 00:00:00 +0000 UTC"),
                row("unixEpoch", "{{ toDate \"2006-01-02\" \"2024-03-05\" | unixEpoch }}", null, "1709596800"),
                row("dateInZone", "{{ dateInZone \"15:04 MST\" 1700000000 \"America/New_York\" }}", null, "17:13 EST"),
                row(
                        "dateModify",
                        "{{ toDate \"2006-01-02\" \"2024-03-05\" | dateModify \"-1.5h\" | date \"2006-01-02 15:04\" }}",
                        null,
                        "2024-03-04 22:30"),
                row("duration", "{{ duration 3725 }} {{ duration 0 }} {{ duration \"90\" }}", null, "1h2m5s 0s 1m30s"),
                row(
                        "Go's print adds spaces only between non-strings",
                        "{{ print \"a\" 1 2 \"b\" }}|{{ println 1 \"x\" }}",
                        null,
                        "a1 2b|1 x\n"),
                row(
                        "Go's urlquery, html, js",
                        "{{ urlquery \"a b&c~*\" }} {{ html \"<a href='x'>\" }} {{ js \"it's <b>\" }}",
                        null,
                        "a+b%26c~%2A &lt;a href=&#39;x&#39;&gt; it\\'s \\u003Cb\\u003E"),
                row(
                        "toDate of text that does not match is Go's zero time",
                        "{{ toDate \"2006-01-02\" \"junk\" | date \"2006-01-02\" }}",
                        null,
                        "0001-01-01"));
    }

    private static Arguments row(String name, String template, String value, String expected) {
        return Arguments.of(name, template, value, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntax")
    void goSyntax(String name, String template, String value, String expected) {
        assertEquals(expected, render(template, value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void sprigFunctions(String name, String template, String value, String expected) {
        assertEquals(expected, render(template, value));
    }

    /** Values a=1, b=2, and the row's value under both complex and path when it has one. */
    private static String render(String template, String value) {
        return value == null
                ? Render.render(template, "a", "1", "b", "2")
                : Render.render(template, "a", "1", "b", "2", "complex", value, "path", value);
    }
}
