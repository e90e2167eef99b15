package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sluice's hashes must equal ESO's ({@code esutils.ObjectHash}: SHA3-224 of Go's {@code %+v}), or a takeover
 * rewrites every Secret. The first vectors are ESO's own ({@code runtime/esutils/utils_test.go}); the others
 * pin Go's formatting of the shapes ESO hashes.
 */
class HashesTest {

    @Test
    void matchesEsosOwnTestVectors() {
        Map<String, byte[]> data = new HashMap<>();
        data.put("foo", "value1".getBytes(StandardCharsets.UTF_8));
        data.put("bar", "value2".getBytes(StandardCharsets.UTF_8));
        assertEquals("1bed8bcbcb4547ffe19a19cd47d9078e84aa6598266d86b99f992d64", Hashes.ofData(data));
        assertEquals("f78681ec611ebaeea0689bff6c7812a83ff98a7faba986d9af76c999", Hashes.sha3("hello there"));
    }

    @Test
    void formatsByteMapsAsGoDoes() {
        assertEquals("map[a:[49]]", GoFormat.byteMap(Map.of("a", bytes("1"))));
        assertEquals("map[]", GoFormat.byteMap(Map.of()));
        assertEquals("map[]", GoFormat.byteMap(null));
        Map<String, byte[]> unsorted = new LinkedHashMap<>();
        unsorted.put("empty", new byte[0]);
        unsorted.put("bin", new byte[] {(byte) 0xff, 0, (byte) 0x80});
        assertEquals("map[bin:[255 0 128] empty:[]]", GoFormat.byteMap(unsorted), "keys sorted, bytes unsigned");
        assertEquals(
                "eb5ab2676d1ed4009bcd06b409f718cb6e49a8e80907334f80d01648", Hashes.ofData(Map.of("a", bytes("1"))));
    }

    @Test
    void sortsKeysByTheirUtf8BytesAsGoDoes() {
        // U+FF5E sorts after U+1F600 in Java's UTF-16 order, before it in UTF-8 byte order (Go's)
        Map<String, String> keys = Map.of("\uD83D\uDE00", "emoji", "\uFF5E", "tilde");
        assertEquals("map[\uFF5E:tilde \uD83D\uDE00:emoji]", GoFormat.stringMap(keys));
    }

    @Test
    void hashesLabelsAndAnnotationsAsEsosHashMeta() {
        assertEquals(
                "f47fe3c0b255b6dd8047cdffa772587bb829efe7a1cb70febeda2eb2",
                Hashes.ofMetadata(null, Map.of()),
                "{annotations:map[] labels:map[]}");
        assertEquals(
                "34fa5de551507b31a5492b1d62e1aae588a16c7d527a15fe63457f08",
                Hashes.ofMetadata(
                        Map.of("tier", "db", "app", "web"), Map.of("note", "two words", "force-sync", "1700000000")),
                "{annotations:map[force-sync:1700000000 note:two words] labels:map[app:web tier:db]}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
