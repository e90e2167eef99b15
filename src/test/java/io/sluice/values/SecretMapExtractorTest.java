package io.sluice.values;

import static io.sluice.values.Bytes.text;
import static io.sluice.values.Bytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretMapExtractorTest {

    @Test
    void stringsAreUnquotedAndOtherValuesKeepTheirJsonText() {
        String json = """
                {"username":"admin", "password":"p\\"w", "port":5432, "ratio": 1.50,
                 "tls":true, "none":null, "hosts":[ "a", "b" ], "nested":{"x" : 1}}
                """;
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("username", "admin");
        expected.put("password", "p\"w");
        expected.put("port", "5432");
        expected.put("ratio", "1.50");
        expected.put("tls", "true");
        expected.put("none", "");
        expected.put("hosts", "[ \"a\", \"b\" ]");
        expected.put("nested", "{\"x\" : 1}");
        assertEquals(expected, text(SecretMapExtractor.extract("db", utf8(json), null)));
    }

    static Stream<Arguments> propertySelections() {
        return Stream.of(
                Arguments.of(
                        "{\"app\":{\"user\":\"u\",\"pass\":\"p\"},\"other\":1}",
                        "app",
                        Map.of("user", "u", "pass", "p")),
                Arguments.of("{\"a\":{\"b\":{\"c\":\"d\"}}}", "a.b", Map.of("c", "d")),
                // A string member that holds JSON is unquoted first, then parsed (ESO: gjson String, then unmarshal).
                Arguments.of("{\"blob\":\"{\\\"k\\\":\\\"v\\\"}\"}", "blob", Map.of("k", "v")));
    }

    @ParameterizedTest
    @MethodSource("propertySelections")
    void propertySelectsTheObjectToExtract(String json, String property, Map<String, String> expected) {
        assertEquals(expected, text(SecretMapExtractor.extract("k", utf8(json), property)));
    }

    @Test
    void duplicateMembersKeepTheLastValue() {
        assertEquals(Map.of("a", "2"), text(SecretMapExtractor.extract("k", utf8("{\"a\":\"1\",\"a\":\"2\"}"), null)));
    }

    @Test
    void nullAndEmptyObjectGiveNoEntries() {
        assertEquals(Map.of(), SecretMapExtractor.extract("k", utf8("null"), null));
        assertEquals(Map.of(), SecretMapExtractor.extract("k", utf8(" {} "), null));
    }

    @Test
    void keepsDocumentOrder() {
        assertEquals(
                List.of("z", "a", "m"),
                List.copyOf(SecretMapExtractor.extract("k", utf8("{\"z\":1,\"a\":2,\"m\":3}"), null)
                        .keySet()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("notObjects")
    void nonObjectIsAClearError(String value, String what) {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidJson.class,
                () -> SecretMapExtractor.extract("app/creds", utf8(value), null));
        assertEquals(
                "unable to unmarshal secret app/creds: the value is " + what + ", dataFrom.extract needs a JSON object",
                e.getMessage());
        assertEquals("InvalidJson", e.reason());
    }

    static Stream<Arguments> notObjects() {
        return Stream.of(
                Arguments.of("[1,2]", "a JSON array"),
                Arguments.of("\"text\"", "a JSON string"),
                Arguments.of("42", "a JSON number"),
                Arguments.of("true", "a JSON boolean"),
                Arguments.of("plain-password", "not valid JSON"),
                Arguments.of("", "not valid JSON"),
                Arguments.of("{\"a\":1", "not valid JSON"),
                Arguments.of("{\"a\":1} {\"b\":2}", "not a single JSON value"));
    }

    @Test
    void missingPropertyUsesEsoMessage() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidProperty.class,
                () -> SecretMapExtractor.extract("app", utf8("{\"a\":{}}"), "b"));
        assertEquals("key b does not exist in secret app", e.getMessage());
    }

    @Test
    void propertySelectingAScalarIsNotAnObject() {
        assertThrows(
                ExtractionException.InvalidJson.class, () -> SecretMapExtractor.extract("app", utf8("{\"a\":5}"), "a"));
    }
}
