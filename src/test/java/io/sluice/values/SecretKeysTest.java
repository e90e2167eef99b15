package io.sluice.values;

import static io.sluice.values.Bytes.map;
import static io.sluice.values.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretKeysTest {

    @ParameterizedTest(name = "\"{0}\" valid: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a                | true",
                "-._azAZ09        | true",
                "my_key.txt       | true",
                "''               | false",
                "a/b              | false",
                "a b              | false",
                "é                | false",
                "a$b              | false",
            })
    void keyRules(String key, boolean valid) {
        assertEquals(valid, SecretKeys.isValid(key));
    }

    @Test
    void lengthLimitIs253() {
        assertEquals(true, SecretKeys.isValid("k".repeat(253)));
        assertEquals(false, SecretKeys.isValid("k".repeat(254)));
    }

    @Test
    void emptyKeysAreDroppedLikeEso() {
        assertEquals(Map.of("kept", "1"), text(SecretKeys.validate("extract", map("", "dropped", "kept", "1"))));
    }

    @Test
    void invalidKeysAreAllNamedSorted() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidKey.class,
                () -> SecretKeys.validate("dataFrom[0]", map("ok", "1", "z/z", "2", "a b", "3")));
        assertEquals(
                "dataFrom[0] produced invalid Secret keys \"a b\", \"z/z\": keys must match ^[-._a-zA-Z0-9]+$"
                        + " and have at most 253 characters",
                e.getMessage());
        assertEquals("InvalidKey", e.reason());
    }

    @Test
    void tooLongKeyIsShortenedInTheMessage() {
        ExtractionException e = assertThrows(
                ExtractionException.InvalidKey.class, () -> SecretKeys.validate("find", map("x".repeat(300), "1")));
        assertEquals(true, e.getMessage().contains("\"" + "x".repeat(40) + "...\" (300 characters)"), e.getMessage());
    }
}
