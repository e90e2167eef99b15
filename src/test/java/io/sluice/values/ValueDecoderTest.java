package io.sluice.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueDecoderTest {

    // ESO's runtime/decoding test values: "foo%_?bar" in both alphabets.
    static final String DECODED = "foo%_?bar";
    static final String STANDARD = "Zm9vJV8/YmFy";
    static final String URL_SAFE = "Zm9vJV8_YmFy";

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "Base64    | YmFy          | bar",
                "Base64    | Zm9vJV8/YmFy  | foo%_?bar",
                "Base64    | QQ==          | A",
                "Base64    | QR==          | A",
                "Base64    | QUJD          | ABC",
                "Base64URL | Zm9vJV8_YmFy  | foo%_?bar",
                "Base64URL | QQ==          | A",
                "Auto      | Zm9vJV8/YmFy  | foo%_?bar",
                "Auto      | Zm9vJV8_YmFy  | foo%_?bar",
                "Auto      | foo           | foo",
                "Auto      | abc=          | i·",
                "Auto      | YmFy          | bar",
                "None      | Zm9vJV8_YmFy  | Zm9vJV8_YmFy",
                "NULL      | Zm9vJV8_YmFy  | Zm9vJV8_YmFy",
            })
    void decodesLikeEso(DecodingStrategy strategy, String input, String expected) {
        byte[] decoded = ValueDecoder.decode(strategy, "key", input.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected.getBytes(StandardCharsets.ISO_8859_1), decoded);
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Base64    | foo",
                "Base64    | QQ",
                "Base64    | QQ=",
                "Base64    | Zm9vJV8_YmFy",
                "Base64    | QQ==QUFB",
                "Base64    | QQ=A",
                "Base64    | 'QU JD'",
                "Base64URL | foo",
                "Base64URL | Zm9vJV8/YmFy",
                "Base64URL | QQ",
            })
    void invalidInputFailsWithoutTheValue(DecodingStrategy strategy, String input) {
        ExtractionException e = assertThrows(
                ExtractionException.DecodingFailed.class,
                () -> ValueDecoder.decode(strategy, "db-password", input.getBytes(StandardCharsets.UTF_8)));
        assertEquals("DecodingFailed", e.reason());
        assertEquals(
                true,
                e.getMessage().startsWith("failure decoding key db-password with decodingStrategy " + strategy),
                e.getMessage());
    }

    @Test
    void lineBreaksAreIgnoredLikeGo() {
        byte[] wrapped = "Zm9v\r\nYmFy\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(
                "foobar".getBytes(StandardCharsets.US_ASCII),
                ValueDecoder.decode(DecodingStrategy.Base64, "k", wrapped));
    }

    @Test
    void autoOnBinaryKeepsTheBytes() {
        byte[] binary = {(byte) 0xff, 0, 1};
        assertArrayEquals(binary, ValueDecoder.decode(DecodingStrategy.Auto, "k", binary));
    }

    @Test
    void decodeAllDecodesEveryValueAndKeepsOrder() {
        Map<String, byte[]> in = new LinkedHashMap<>();
        in.put("b64", STANDARD.getBytes(StandardCharsets.US_ASCII));
        in.put("invalidb64", "foo".getBytes(StandardCharsets.US_ASCII));
        in.put("b64url", URL_SAFE.getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> out = ValueDecoder.decodeAll(DecodingStrategy.Auto, in);
        assertEquals(java.util.List.of("b64", "invalidb64", "b64url"), java.util.List.copyOf(out.keySet()));
        assertEquals(DECODED, new String(out.get("b64"), StandardCharsets.US_ASCII));
        assertEquals("foo", new String(out.get("invalidb64"), StandardCharsets.US_ASCII));
        assertEquals(DECODED, new String(out.get("b64url"), StandardCharsets.US_ASCII));
    }

    @Test
    void decodeAllNamesTheFailingKey() {
        Map<String, byte[]> in = Map.of("foo", "foo".getBytes(StandardCharsets.US_ASCII));
        ExtractionException e = assertThrows(
                ExtractionException.DecodingFailed.class, () -> ValueDecoder.decodeAll(DecodingStrategy.Base64, in));
        assertEquals(true, e.getMessage().contains("key foo "), e.getMessage());
    }
}
