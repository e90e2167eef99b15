package io.sluice.values;

import static io.sluice.values.Bytes.map;
import static io.sluice.values.Bytes.text;
import static io.sluice.values.Rewrites.regexp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexpRewriteTest {

    private static String rewriteKey(String source, String target, String key) {
        return KeyRewriter.rewrite(List.of(regexp(source, target)), map(key, "v"))
                .keySet()
                .iterator()
                .next();
    }

    @ParameterizedTest(name = "{0} / {1} on {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // ESO documentation examples
                "(.*)                             | my_$1                           | username        | my_username",
                "^db-                             | ''                              | db-password     | password",
                "exp-(.*?)-ple                    | rewriting-${1}-with-groups      | exp-test-ple    | rewriting-test-with-groups",
                "(.*)/(.*)                        | $2                              | path/to/key     | key",
                // Go template syntax: longest name, braces, $$ and malformed references
                "(.*)                             | $1_x                            | key             | ''",
                "(.*)                             | ${1}_x                          | key             | key_x",
                "(.*)                             | $10                             | key             | ''",
                "(.*)                             | ${01}                           | key             | ''",
                "(.*)                             | $0-$0                           | key             | key-key",
                "(.*)                             | $$1                             | key             | $1",
                "(.*)                             | a$                              | key             | a$",
                "(.*)                             | ${1                             | key             | ${1",
                "(.*)                             | $-x                             | key             | $-x",
                "(a)?(b)                          | [$1]                            | b               | []",
                "(?P<first_part>[a-z]+)-(?P<rest>.*) | ${rest}.${first_part}        | db-user         | user.db",
                "(?<word>[a-z]+)                  | <$word>                         | ab-cd           | <ab>-<cd>",
                "(?P<word>[a-z]+)                 | ${missing}x                     | ab              | x",
                // Go's ReplaceAll loop: no replacement for an empty match right after a match
                "a*                               | X                               | baaac           | XbXcX",
                "x*                               | -                               | abc             | -a-b-c-",
                // Go syntax that Java spells differently
                "[[:alpha:]]+                     | W                               | ab12cd          | W12W",
                "[[:^digit:]]                     | _                               | a1b2            | _1_2",
                "[a[]                             | _                               | x[a             | x__",
                "[a&&b]                           | _                               | a&b             | ___",
                "(?i)USER                         | user                            | db-User         | db-user",
                // RE2 semantics: (?U) is ungreedy (Java: Unicode classes); \w is ASCII only
                "(?U)a+                           | X                               | baaa            | bXXX",
                "\\w+                             | X                               | né-e            | Xé-X",
                // Go's group names: $1x names the group "1x"; nine digits are still an index
                "(?P<1x>a)b                       | [$1x]                           | ab              | [a]",
                "(a)                              | [$123456789]                    | a               | []",
                // the loop advances by whole code points
                "x*                               | -                               | a\uD83D\uDE00b   | -a-\uD83D\uDE00-b-",
            })
    void replacesLikeGo(String source, String target, String key, String expected) {
        assertEquals(expected, rewriteKey(source, target, key));
    }

    @Test
    void esoExtractExampleRewritesEveryKey() {
        Map<String, byte[]> out =
                KeyRewriter.rewrite(List.of(regexp("(.*)", "my_$1")), map("username", "u", "password", "p"));
        assertEquals(Map.of("my_username", "u", "my_password", "p"), text(out));
    }

    @Test
    void rewritesApplyInOrder() {
        Map<String, byte[]> out = KeyRewriter.rewrite(
                List.of(regexp("^app/", ""), regexp("/", "_"), regexp("(.*)", "APP_$1")), map("app/db/user", "u"));
        assertEquals(Map.of("APP_db_user", "u"), text(out));
    }

    @Test
    void noRewritesLeaveKeysAlone() {
        Map<String, byte[]> in = map("a/b", "1");
        assertEquals(in, KeyRewriter.rewrite(null, in));
        assertEquals(text(in), text(KeyRewriter.rewrite(List.of(), in)));
    }

    @Test
    void duplicateResultNamesBothSourceKeys() {
        ExtractionException e = assertThrows(
                ExtractionException.DuplicateKey.class,
                () -> KeyRewriter.rewrite(List.of(regexp("[0-9]", "")), map("key1", "a", "key2", "b")));
        assertEquals("rewrite[0] maps keys \"key1\" and \"key2\" to the same key \"key\"", e.getMessage());
        assertEquals("DuplicateKey", e.reason());
    }

    @Test
    void invalidRegexpIsAClearError() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(List.of(regexp("(", "x")), map("k", "v")));
        assertEquals(
                "rewrite[0].regexp.source is not a valid regular expression: error parsing regexp: "
                        + "missing closing ): `(`",
                e.getMessage());
        assertEquals("InvalidRewrite", e.reason());
    }

    @Test
    void unknownPosixClassIsInvalid() {
        assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(List.of(regexp("[[:nope:]]", "x")), map("k", "v")));
    }

    @Test
    void javaOnlySyntaxIsInvalidAsInGo() {
        for (String javaOnly : List.of("(?=a)b", "(a)\\1", "a++", "(?<!x)y")) {
            assertThrows(
                    ExtractionException.InvalidRewrite.class,
                    () -> KeyRewriter.rewrite(List.of(regexp(javaOnly, "x")), map("k", "v")),
                    javaOnly);
        }
    }

    @Test
    void aCatastrophicPatternRewritesLongKeysInLinearTime() {
        // java.util.regex did not finish within 60 s on the 42-character key alone
        Map<String, byte[]> keys = map("a".repeat(42), "1", "b".repeat(253), "2", "c".repeat(200) + "X", "3");
        Map<String, byte[]> out = assertTimeoutPreemptively(
                Duration.ofSeconds(2), () -> KeyRewriter.rewrite(List.of(regexp("^(.*?){40}X$", "matched")), keys));
        assertEquals(Map.of("a".repeat(42), "1", "b".repeat(253), "2", "matched", "3"), text(out));
    }

    @Test
    void aTargetThatMultipliesTheKeyIsBoundedInsteadOfGrowingWithEveryRewrite() {
        // each empty match of x* adds the whole target: 3 chained rewrites would make 254 * 1000^3 characters
        ExtractionException e = assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(
                        List.of(
                                regexp("x*", "y".repeat(1000)),
                                regexp("x*", "y".repeat(1000)),
                                regexp("x*", "y".repeat(1000))),
                        map("k".repeat(253), "v")));
        assertEquals("rewrite[0].regexp makes a key longer than 4096 characters", e.getMessage());
        assertEquals(
                Map.of("y".repeat(4096), "v"),
                text(KeyRewriter.rewrite(List.of(regexp(".", "y".repeat(16))), map("k".repeat(256), "v"))),
                "exactly at the bound is allowed");
    }

    @Test
    void aPatternThatWouldExhaustTheHeapIsRefusedNamingTheRewrite() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(
                        List.of(regexp("^a$", "x"), regexp("((a{1000}){1000}){1000}", "x")), map("k", "v")));
        assertEquals(
                "rewrite[1].regexp.source is too large: its repetitions expand to more than 4096 instructions",
                e.getMessage());
    }

    @Test
    void missingSourceIsInvalidAndMissingTargetMeansEmpty() {
        assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(List.of(regexp(null, "x")), map("k", "v")));
        assertEquals(Map.of("key", "v"), text(KeyRewriter.rewrite(List.of(regexp("^my-", null)), map("my-key", "v"))));
    }

    @Test
    void mergeIsNotSupportedYet() {
        ExtractionException e = assertThrows(
                ExtractionException.UnsupportedRewrite.class,
                () -> KeyRewriter.rewrite(List.of(Rewrites.merge("all")), map("k", "{}")));
        assertEquals("rewrite[0].merge is not supported yet; use regexp or transform", e.getMessage());
        assertEquals("UnsupportedRewrite", e.reason());
    }

    @Test
    void rewriteWithNothingOrTwoThingsSetIsInvalid() {
        io.sluice.api.v1.ExternalSecretRewrite both = regexp("a", "b");
        both.transform = Rewrites.transform("{value}").transform;
        assertThrows(ExtractionException.InvalidRewrite.class, () -> KeyRewriter.rewrite(List.of(both), map("k", "v")));
        assertThrows(
                ExtractionException.InvalidRewrite.class,
                () -> KeyRewriter.rewrite(List.of(new io.sluice.api.v1.ExternalSecretRewrite()), map("k", "v")));
    }
}
