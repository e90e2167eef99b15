package io.sluice.values;

import static io.sluice.values.Bytes.text;
import static io.sluice.values.Bytes.utf8;
import static io.sluice.values.Rewrites.regexp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.RemoteRef;
import io.sluice.provider.RemoteSecret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryValuesTest {

    static RemoteRef ref(String key, String property) {
        RemoteRef ref = new RemoteRef();
        ref.key = key;
        ref.property = property;
        return ref;
    }

    @Test
    void dataSelectsThenDecodes() {
        RemoteRef ref = ref("app/config", "tls.cert");
        ref.decodingStrategy = RemoteRef.DecodingStrategy.Base64;
        RemoteSecret raw = RemoteSecret.ofString("{\"tls\":{\"cert\":\"Y2VydA==\"}}");
        assertArrayEquals(utf8("cert"), EntryValues.forData("tls.crt", ref, raw));
    }

    @Test
    void dataWithoutPropertyKeepsBinaryValues() {
        byte[] binary = {0x00, (byte) 0xfe, 0x7f};
        assertArrayEquals(binary, EntryValues.forData("blob", ref("bin", null), new RemoteSecret(binary)));
    }

    @Test
    void dataChecksNulBytesAfterDecoding() {
        RemoteRef ref = ref("k", null);
        ref.decodingStrategy = RemoteRef.DecodingStrategy.Base64;
        ref.nullBytePolicy = RemoteRef.NullBytePolicy.Fail;
        ExtractionException e = assertThrows(
                ExtractionException.NullBytes.class,
                () -> EntryValues.forData("payload", ref, RemoteSecret.ofString("QQBC")));
        assertEquals("fetched secret value for key \"payload\" contains null bytes", e.getMessage());
    }

    @Test
    void extractWithEsoRewriteExample() {
        RemoteSecret raw = RemoteSecret.ofString("{\"username\":\"admin\",\"password\":\"s3cr3t\"}");
        Map<String, byte[]> out = EntryValues.forExtract(ref("db", null), List.of(regexp("(.*)", "my_$1")), raw);
        assertEquals(Map.of("my_username", "admin", "my_password", "s3cr3t"), text(out));
    }

    @Test
    void extractConvertsKeysOnlyWithoutRewrite() {
        RemoteSecret raw = RemoteSecret.ofString("{\"app/user\":\"u\"}");
        RemoteRef extract = ref("app", null);
        extract.conversionStrategy = RemoteRef.ConversionStrategy.Unicode;
        assertEquals(Map.of("app_U002f_user", "u"), text(EntryValues.forExtract(extract, null, raw)));
        // With a rewrite, conversion is skipped: the rewrite must produce valid keys itself.
        assertEquals(Map.of("app-user", "u"), text(EntryValues.forExtract(extract, List.of(regexp("/", "-")), raw)));
        assertThrows(
                ExtractionException.InvalidKey.class,
                () -> EntryValues.forExtract(extract, List.of(regexp("^", "x")), raw));
    }

    @Test
    void extractDropsKeysRewrittenToNothing() {
        RemoteSecret raw = RemoteSecret.ofString("{\"keep\":\"1\",\"drop\":\"2\"}");
        assertEquals(
                Map.of("keep", "1"), text(EntryValues.forExtract(ref("k", null), List.of(regexp("^drop$", "")), raw)));
    }

    @Test
    void extractDecodesEachValueAfterRenaming() {
        RemoteRef extract = ref("k", "nested");
        extract.decodingStrategy = RemoteRef.DecodingStrategy.Auto;
        RemoteSecret raw = RemoteSecret.ofString("{\"nested\":{\"a\":\"YmFy\",\"b\":\"plain!\"}}");
        assertEquals(Map.of("a", "bar", "b", "plain!"), text(EntryValues.forExtract(extract, null, raw)));
    }

    @Test
    void findUsesRemoteNamesAsKeys() {
        ExternalSecretFind find = new ExternalSecretFind();
        Map<String, RemoteSecret> found = new LinkedHashMap<>();
        found.put("team/db/password", RemoteSecret.ofString("pw"));
        found.put("team/api-key", RemoteSecret.ofString("key"));
        assertEquals(
                Map.of("team_db_password", "pw", "team_api-key", "key"), text(EntryValues.forFind(find, null, found)));
        assertEquals(
                Map.of("db_password", "pw", "api-key", "key"),
                text(EntryValues.forFind(find, List.of(regexp("^team/", ""), regexp("/", "_")), found)));
    }

    @Test
    void findAppliesDecodingAndNulPolicy() {
        ExternalSecretFind find = new ExternalSecretFind();
        find.decodingStrategy = RemoteRef.DecodingStrategy.Base64;
        find.nullBytePolicy = RemoteRef.NullBytePolicy.Fail;
        Map<String, RemoteSecret> found = Map.of("b", RemoteSecret.ofString("QQBC"));
        assertThrows(ExtractionException.NullBytes.class, () -> EntryValues.forFind(find, null, found));
    }
}
