package io.sluice.testing.hostile;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of hostile provider payloads and tenant-written specs (issue 11): malformed JSON, invalid UTF-8,
 * binary values, values near 1 MiB, deep nesting, thousands of keys, hostile regular expressions and templates.
 * Every payload generator also yields well-formed input some of the time, so a property sees both outcomes.
 */
public final class HostileInput {
    /** The Secret size limit, and so the largest provider value that can ever end up in one. */
    public static final int ONE_MIB = 1024 * 1024;

    private HostileInput() {}

    /** Arbitrary bytes: invalid UTF-8, NUL bytes, lone surrogates' encodings, CR/LF. */
    public static Gen<byte[]> bytes(int maxLength) {
        return Generate.byteArrays(
                        integers().between(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .describedAs(HostileInput::describe);
    }

    /** Printable-ish text with JSON and template punctuation over-represented. */
    public static Gen<String> punctuated(int maxLength) {
        Gen<Character> chars = Generate.frequency(
                Pair.of(6, Generate.characters('a', 'z')),
                Pair.of(
                        3,
                        Generate.pick(List.of(
                                '{', '}', '[', ']', '"', ':', ',', '.', '\\', '#', '|', '*', '?', '(', ')', '$', '-',
                                '_', '/', '+', '=', ' ', '\n', '!', '@', '0', '9'))),
                Pair.of(1, Generate.characters(0, 0xFFFF)));
        return lists().of(chars).ofSizeBetween(0, maxLength).map(HostileInput::join);
    }

    /** A JSON object, well-formed, in one of the shapes that stressed the extractors. */
    public static Gen<String> jsonObjects() {
        return Generate.frequency(
                Pair.of(3, smallObjects()),
                Pair.of(1, integers().between(1, 5_000).map(HostileInput::deeplyNested)),
                Pair.of(1, integers().between(1, 5_000).map(HostileInput::manyKeys)),
                Pair.of(1, integers().between(ONE_MIB - 64, ONE_MIB + 64).map(HostileInput::nearOneMib)),
                Pair.of(1, integers().between(1, 3_000).map(digits -> "{\"n\":" + "9".repeat(digits) + "}")),
                Pair.of(1, integers().between(1, 3_000).map(digits -> "{\"f\":0." + "1".repeat(digits) + "e-99999}")));
    }

    /** JSON objects, broken ones (cut, spliced, with garbage) and non-JSON text, as UTF-8 or worse. */
    public static Gen<byte[]> payloads() {
        Gen<String> broken = jsonObjects()
                .zip(
                        integers().between(0, 1_000),
                        punctuated(20),
                        (json, cut, junk) -> json.substring(0, Math.min(cut, json.length())) + junk);
        return Generate.frequency(
                        Pair.of(4, jsonObjects().map(HostileInput::utf8)),
                        Pair.of(3, broken.map(HostileInput::utf8)),
                        Pair.of(2, punctuated(200).map(HostileInput::utf8)),
                        Pair.of(1, bytes(300)),
                        Pair.of(1, smallObjects().zip(bytes(40), HostileInput::withInvalidUtf8)))
                .describedAs(HostileInput::describe);
    }

    /** A payload in a failure report: its size and its start, non-ASCII bytes escaped. */
    public static String describe(byte[] payload) {
        StringBuilder out = new StringBuilder(payload.length + " bytes: ");
        for (int i = 0; i < Math.min(payload.length, 80); i++) {
            int b = payload[i] & 0xFF;
            out.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return out.append(payload.length > 80 ? "..." : "").toString();
    }

    /** {@code remoteRef.property}: gjson paths, valid and not (wildcards, queries, modifiers, escapes). */
    public static Gen<String> properties() {
        return Generate.frequency(
                Pair.of(
                        3,
                        Generate.pick(List.of(
                                "a",
                                "a.b",
                                "a.b.c",
                                "list.0",
                                "list.#",
                                "list.1.x",
                                "a\\.b",
                                "deep",
                                "n",
                                "f",
                                "k42",
                                "",
                                ".",
                                "..",
                                "a.",
                                ".a",
                                "list.-1",
                                "list.99999999999999999999"))),
                Pair.of(2, punctuated(30)),
                Pair.of(1, integers().between(1, 2_000).map(depth -> "a" + ".a".repeat(depth))));
    }

    /** Regular expressions written to make a backtracking engine or a compiler blow up, and invalid ones. */
    public static Gen<String> regexps() {
        Gen<String> atom = Generate.pick(List.of(
                "a",
                ".",
                "(a|aa)",
                "(.*?)",
                "(a*)*",
                "(a+)+",
                "[a-z]",
                "\\w",
                "(?:a|b)",
                "x{1000}",
                "(a{100}){100}",
                "((a{10}){10}){10}",
                "\\p{L}",
                "(?i)a",
                "\\1",
                "(?=a)",
                "[",
                "(",
                ")",
                "*",
                "a{2,1}",
                "\\",
                "a**",
                "(?P<n>a)",
                "^",
                "$"));
        Gen<String> quantifier = Generate.pick(List.of("", "", "*", "+", "?", "*?", "{40}", "{2,}", "{0,1000}"));
        return lists().of(atom.zip(quantifier, String::concat))
                .ofSizeBetween(1, 12)
                .map(HostileInput::join)
                .mix(punctuated(40), 20)
                .mix(integers().between(1, 3_000).map(n -> "(".repeat(n) + "a" + ")".repeat(n)), 10);
    }

    /** Subjects (keys, secret names) for those regular expressions, up to the rewrite key bound. */
    public static Gen<String> subjects() {
        return Generate.frequency(
                Pair.of(3, punctuated(60)),
                Pair.of(1, integers().between(0, 4_096).map("a"::repeat)),
                Pair.of(1, integers().between(0, 200).map(n -> "ab".repeat(n) + "!")));
    }

    /** Qute and Go templates that blow up in size, time or depth, break the parser, or are fine. */
    public static Gen<String> templates() {
        Gen<String> fragment = Generate.pick(List.of(
                "{value}",
                "{v}",
                "{user}",
                "{data:['k']}",
                "{missing}",
                "{value.b64dec}",
                "{value.b64enc}",
                "{value.indent(400000000)}",
                "{value.repeat(100000000)}",
                "{#for i in 100000}{#for j in 100000}x{/for}{/for}",
                "{#if value}yes{#else}no{/if}",
                "{#if",
                "{/if}",
                "{{ .value }}",
                "{{ .value | indent 400000000 }}",
                "{{ range $i := until 100000000 }}x{{ end }}",
                "{{ if .value }}",
                "{{ end }}",
                "{{",
                "}}",
                "{",
                "}",
                "{value.fromJson}",
                "{value.toYaml}",
                "{#let x=value}{x}{/let}",
                "{value.sha256sum}",
                "plain text ",
                "\\{",
                "{! comment !}",
                "{value.nosuchfunction}",
                "{{ .value | b64dec }}",
                "{{ template \"x\" }}",
                "{#include foo /}",
                "{{ printf \"%099999999d\" 1 }}"));
        return Generate.frequency(
                Pair.of(4, lists().of(fragment).ofSizeBetween(1, 8).map(HostileInput::join)),
                Pair.of(1, integers().between(50, 20_000).map(n -> "{#if value}".repeat(n) + "x" + "{/if}".repeat(n))),
                Pair.of(
                        1,
                        integers()
                                .between(50, 20_000)
                                .map(n -> "{{ if .value }}".repeat(n) + "x" + "{{ end }}".repeat(n))),
                Pair.of(1, integers().between(1, 30).map(n -> "{#for i in 1000}".repeat(n) + "x" + "{/for}".repeat(n))),
                Pair.of(1, punctuated(200)));
    }

    /** Ordinary templates, Qute and Go, that render over any values named value, user and k. */
    public static Gen<String> ordinaryTemplates() {
        return Generate.pick(List.of(
                "{value}",
                "plain",
                "{{ .user }}",
                "{user}-{k}",
                "{#if value}set{/if}",
                "{{ .value | b64enc }}",
                "{value.b64enc}",
                "prefix {{ .k }} suffix",
                "{#for i in 3}{i}{/for}"));
    }

    private static Gen<String> smallObjects() {
        Gen<String> value = Generate.frequency(
                Pair.of(3, strings().basicLatinAlphabet().ofLengthBetween(0, 20).map(HostileInput::quoted)),
                Pair.of(
                        1,
                        Generate.pick(List.of(
                                "null",
                                "true",
                                "1",
                                "-0.5e3",
                                "[1,{\"x\":2}]",
                                "{\"b\":{\"c\":\"d\"}}",
                                "\"\\u0000\"",
                                "\"\\ud800\"",
                                "\"a\\\"b\""))));
        Gen<String> member =
                strings().basicLatinAlphabet().ofLengthBetween(0, 12).zip(value, (k, v) -> quoted(k) + ":" + v);
        return lists().of(member).ofSizeBetween(0, 12).map(members -> "{" + String.join(",", members) + "}");
    }

    private static String deeplyNested(int depth) {
        return "{\"deep\":" + "[".repeat(depth) + "\"x\"" + "]".repeat(depth) + ",\"k\":\"v\"}";
    }

    private static String manyKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"k")
                    .append(i)
                    .append("\":\"v")
                    .append(i)
                    .append('"');
        }
        return json.append('}').toString();
    }

    private static String nearOneMib(int size) {
        String prefix = "{\"big\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(Math.max(0, size - prefix.length() - suffix.length())) + suffix;
    }

    private static byte[] withInvalidUtf8(String json, byte[] junk) {
        byte[] text = utf8(json);
        int at = Math.max(1, text.length / 2);
        byte[] out = new byte[text.length + junk.length + 1];
        System.arraycopy(text, 0, out, 0, at);
        out[at] = (byte) 0xC3; // a UTF-8 lead byte, then whatever follows
        System.arraycopy(junk, 0, out, at + 1, junk.length);
        System.arraycopy(text, at, out, at + 1 + junk.length, text.length - at);
        return out;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String join(List<?> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(out::append);
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
