package io.sluice.values;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.v1.RemoteRef.NullBytePolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;

class NullByteGuardTest {

    static final byte[] WITH_NUL = {'A', 0, 'B'};

    @ParameterizedTest
    @NullSource
    @EnumSource(value = NullBytePolicy.class, names = "Ignore")
    void unsetOrIgnoreAllowsNulBytes(NullBytePolicy policy) {
        assertDoesNotThrow(() -> NullByteGuard.check(policy, "payload", WITH_NUL));
    }

    @Test
    void failAllowsCleanValuesAndNull() {
        assertDoesNotThrow(() -> NullByteGuard.check(NullBytePolicy.Fail, "payload", "QQBC".getBytes()));
        assertDoesNotThrow(() -> NullByteGuard.check(NullBytePolicy.Fail, "payload", null));
    }

    @Test
    void failRejectsNulBytesNamingTheKey() {
        ExtractionException e = assertThrows(
                ExtractionException.NullBytes.class,
                () -> NullByteGuard.check(NullBytePolicy.Fail, "payload", WITH_NUL));
        assertEquals("fetched secret value for key \"payload\" contains null bytes", e.getMessage());
        assertEquals("NullBytes", e.reason());
    }

    @Test
    void mapReportsTheFirstOffendingKeyInSortedOrder() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("zeta", WITH_NUL);
        values.put("safe", "value".getBytes());
        values.put("alpha", new byte[] {'C', 0, 'D'});
        ExtractionException e = assertThrows(
                ExtractionException.NullBytes.class, () -> NullByteGuard.checkAll(NullBytePolicy.Fail, values));
        assertEquals("fetched secret value for key \"alpha\" contains null bytes", e.getMessage());
    }
}
