package io.sluice.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPropertyTest {

    @Test
    void setsTopLevelAndNestedPropertiesKeepingOtherFields() {
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", text(JsonProperty.set(bytes("{\"a\":\"1\"}"), "b", bytes("2"), "k")));
        assertEquals(
                "{\"db\":{\"user\":\"u\",\"pass\":\"p\"}}",
                text(JsonProperty.set(bytes("{\"db\":{\"user\":\"u\"}}"), "db.pass", bytes("p"), "k")));
        assertEquals("{\"x\":\"1\"}", text(JsonProperty.set(null, "x", bytes("1"), "k")));
    }

    @Test
    void removesAPropertyAndReportsWhenNothingIsLeft() {
        assertEquals("{\"a\":\"1\"}", text(JsonProperty.remove(bytes("{\"a\":\"1\",\"b\":\"2\"}"), "b", "k")));
        assertNull(JsonProperty.remove(bytes("{\"b\":\"2\"}"), "b", "k"));
    }

    @Test
    void aValueThatIsNotAJsonObjectIsRefusedWithoutQuotingIt() {
        ProviderConfigurationException e = assertThrows(
                ProviderConfigurationException.class,
                () -> JsonProperty.set(bytes("TOPSECRET-not-json"), "p", bytes("v"), "app/x"));
        assertTrue(e.getMessage().contains("app/x"));
        assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
    }

    @Test
    void sameJsonIgnoresOrderAndSpacing() {
        assertTrue(JsonProperty.sameJson(bytes("{\"a\":\"1\", \"b\":\"2\"}"), bytes("{\"b\":\"2\",\"a\":\"1\"}")));
        assertFalse(JsonProperty.sameJson(bytes("{\"a\":\"1\"}"), bytes("{\"a\":\"2\"}")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Found by JsonPropertyPropertiesTest: "." split into no keys and set() threw ArrayIndexOutOfBoundsException. */
    @Test
    void aPathWithAnEmptyKeyIsRefusedNamingIt() {
        for (String property : new String[] {".", "a..b", "a.", ".a", ""}) {
            ProviderConfigurationException set = assertThrows(
                    ProviderConfigurationException.class, () -> JsonProperty.set(null, property, bytes("v"), "k"));
            assertEquals("property \"" + property + "\" is not a valid path: it has an empty key", set.getMessage());
            assertThrows(
                    ProviderConfigurationException.class,
                    () -> JsonProperty.remove(bytes("{\"a\":\"1\"}"), property, "k"));
        }
    }

    /** Found by JsonPropertyPropertiesTest: a path of thousands of keys made the JSON writer throw IllegalStateException. */
    @Test
    void aPathDeeperThanTheWriterAllowsIsRefused() {
        String deepest = "a" + ".a".repeat(JsonProperty.MAX_PATH_KEYS - 1);
        assertTrue(text(JsonProperty.set(null, deepest, bytes("v"), "k"))
                .endsWith("\"a\":\"v\"" + "}".repeat(JsonProperty.MAX_PATH_KEYS)));
        ProviderConfigurationException e = assertThrows(
                ProviderConfigurationException.class, () -> JsonProperty.set(null, deepest + ".a", bytes("v"), "k"));
        assertTrue(e.getMessage().endsWith("is not a valid path: it has more than 999 keys"), e.getMessage());
    }
}
