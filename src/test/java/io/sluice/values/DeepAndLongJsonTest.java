package io.sluice.values;

import static io.sluice.values.Bytes.text;
import static io.sluice.values.Bytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Found by {@link RemoteValuePropertiesTest}: JSON nested more than 1,000 levels deep, or a number longer than
 * 1,000 digits, made Jackson throw a constraints exception that escaped as an UncheckedIOException (the
 * ExternalSecret got no clear condition). Go, and so ESO, reads up to 10,000 levels and numbers of any length.
 */
class DeepAndLongJsonTest {

    private static String nested(int depth) {
        return "{\"deep\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + ",\"k\":\"v\"}";
    }

    @Test
    void extractReadsJsonNestedAsDeepAsGoAllows() {
        Map<String, String> entries =
                text(SecretMapExtractor.extract("team/db", utf8(nested(JsonText.MAX_NESTING_DEPTH - 1)), null));
        assertEquals("v", entries.get("k"));
        assertEquals(
                2 * (JsonText.MAX_NESTING_DEPTH - 1) + 1, entries.get("deep").length());
    }

    @Test
    @DisplayName("When extracted JSON is nested deeper than Go allows, then the error is InvalidJson naming the limit")
    void extractRefusesDeeperJsonAsInvalidJson() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidJson.class,
                () -> SecretMapExtractor.extract("team/db", utf8(nested(JsonText.MAX_NESTING_DEPTH + 1)), null));
        assertEquals(
                "unable to unmarshal secret team/db: the value is nested deeper than 10000 levels,"
                        + " dataFrom.extract needs a JSON object",
                e.getMessage());
    }

    @Test
    void aPropertyIsSelectedPastDeepSiblingsAndTooDeepIsInvalidProperty() {
        assertEquals("v", new String(PropertyPath.select("team/db", utf8(nested(5_000)), "k"), StandardCharsets.UTF_8));
        ExtractionException e = assertThrows(
                ExtractionException.InvalidProperty.class,
                () -> PropertyPath.select("team/db", utf8(nested(JsonText.MAX_NESTING_DEPTH + 1)), "k"));
        assertEquals(
                "secret team/db is nested deeper than 10000 levels, so property k cannot be selected", e.getMessage());
    }

    @Test
    void numbersLongerThanJacksonsDefaultKeepTheirDigits() {
        String digits = "7".repeat(5_000);
        assertEquals(
                digits,
                text(SecretMapExtractor.extract("k", utf8("{\"n\":" + digits + "}"), null))
                        .get("n"));
        assertEquals(
                digits,
                new String(PropertyPath.select("k", utf8("{\"n\":" + digits + "}"), "n"), StandardCharsets.UTF_8));
    }
}
