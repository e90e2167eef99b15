package io.sluice.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PropertyPathTest {

    /** ESO's documented nested example, with a few extra members and deliberate spacing. */
    static final String DOC = """
            {"name": {"first" : "Tom", "last":"Anderson"}, "age":37,
             "friends":[ {"first": "Dale", "last": "Murphy"}, {"first":"Roger"} ],
             "a.b":"literal", "a":{"b":"nested"}, "x":{"y.z":"deep-dotted"},
             "ratio":1.50, "big":1e3, "negative":-12, "flag":true, "off":false, "nothing":null,
             "quoted":"say \\"hi\\"\\n", "1":"numeric-key", "empty":"", "list":[1, 2 ,3]}
            """;

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of("name.first", "Tom"),
                Arguments.of("name.last", "Anderson"),
                Arguments.of("friends.1.first", "Roger"),
                Arguments.of("friends.0.last", "Murphy"),
                Arguments.of("name", "{\"first\" : \"Tom\", \"last\":\"Anderson\"}"),
                Arguments.of("friends", "[ {\"first\": \"Dale\", \"last\": \"Murphy\"}, {\"first\":\"Roger\"} ]"),
                Arguments.of("friends.1", "{\"first\":\"Roger\"}"),
                Arguments.of("list", "[1, 2 ,3]"),
                Arguments.of("friends.#", "2"),
                Arguments.of("list.#", "3"),
                Arguments.of("age", "37"),
                Arguments.of("negative", "-12"),
                Arguments.of("ratio", "1.5"),
                Arguments.of("big", "1000"),
                Arguments.of("flag", "true"),
                Arguments.of("off", "false"),
                Arguments.of("nothing", ""),
                Arguments.of("empty", ""),
                Arguments.of("quoted", "say \"hi\"\n"),
                Arguments.of("1", "numeric-key"),
                // A dotted property is first a literal top-level key, then a path.
                Arguments.of("a.b", "literal"),
                Arguments.of("a\\.b", "literal"),
                Arguments.of("x.y\\.z", "deep-dotted"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("selections")
    void selectsLikeGjson(String property, String expected) {
        assertEquals(expected, PropertyPath.select("app/config", DOC, property));
    }

    @Test
    @DisplayName("When the literal dotted key is absent, then the property is read as a path")
    void dottedPathWithoutLiteralKey() {
        assertEquals("nested", PropertyPath.select("k", "{\"a\":{\"b\":\"nested\"}}", "a.b"));
    }

    @ParameterizedTest
    @MethodSource("missingProperties")
    void missingPropertyUsesEsoMessage(String property) {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidProperty.class, () -> PropertyPath.select("app/config", DOC, property));
        assertEquals("key " + property + " does not exist in secret app/config", e.getMessage());
        assertEquals("InvalidProperty", e.reason());
    }

    static Stream<String> missingProperties() {
        return Stream.of("nope", "name.middle", "friends.2.first", "friends.x", "age.value", "name.#", "friends.-1");
    }

    @ParameterizedTest
    @MethodSource("unsupportedProperties")
    void unsupportedGjsonSyntaxIsRejectedClearly(String property) {
        ExtractionException e =
                assertThrows(ExtractionException.InvalidProperty.class, () -> PropertyPath.select("k", DOC, property));
        assertEquals(
                "property " + property
                        + " uses gjson syntax Sluice does not support (wildcards, queries, modifiers or pipes)",
                e.getMessage());
    }

    static Stream<String> unsupportedProperties() {
        return Stream.of("na*", "fr?ends", "friends.#.first", "friends.#(first==\"Dale\")", "@reverse", "name|first");
    }

    @Test
    void keyWithWildcardCharacterStillWorksLiterally() {
        assertEquals("v", PropertyPath.select("k", "{\"api*key\":\"v\"}", "api*key"));
    }

    @ParameterizedTest
    @MethodSource("notJson")
    void nonJsonValueWithPropertyIsAClearError(String value) {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidProperty.class, () -> PropertyPath.select("db/password", value, "user"));
        assertEquals("secret db/password is not valid JSON, so property user cannot be selected", e.getMessage());
    }

    static Stream<String> notJson() {
        return Stream.of("plain-password", "", "   ", "{\"user\":");
    }

    @Test
    void scalarJsonHasNoProperties() {
        assertThrows(ExtractionException.InvalidProperty.class, () -> PropertyPath.select("k", "\"text\"", "a"));
    }

    @Test
    void noPropertyReturnsTheRawBytesUntouched() {
        byte[] binary = {0, (byte) 0xff, 1};
        assertSame(binary, PropertyPath.select("k", binary, null));
        assertSame(binary, PropertyPath.select("k", binary, ""));
    }

    @Test
    void byteFormSelectsUtf8() {
        byte[] json = "{\"greeting\":\"héllo\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), PropertyPath.select("k", json, "greeting"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void numbersFollowGjsonString(String raw, String expected) {
        assertEquals(expected, PropertyPath.goNumber(raw));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("0", "0"),
                Arguments.of("-7", "-7"),
                Arguments.of("12345678901234567890", "12345678901234567890"),
                Arguments.of("1.0", "1"),
                Arguments.of("0.10", "0.1"),
                Arguments.of("2.5e-3", "0.0025"),
                Arguments.of("1E21", "1000000000000000000000"),
                Arguments.of("-0.0", "-0"),
                Arguments.of("1e400", "+Inf"));
    }
}
