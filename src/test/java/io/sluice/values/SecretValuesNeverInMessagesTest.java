package io.sluice.values;

import static io.sluice.values.Rewrites.regexp;
import static io.sluice.values.Rewrites.transform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.RemoteRef;
import io.sluice.provider.RemoteSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure path is fed values containing a marker; the marker must never reach a message or a trace. */
class SecretValuesNeverInMessagesTest {

    static final String MARKER = "TOPSECRETMARKER";

    static RemoteRef ref(String property, RemoteRef.DecodingStrategy decoding, RemoteRef.NullBytePolicy nullBytes) {
        RemoteRef ref = new RemoteRef();
        ref.key = "app/config";
        ref.property = property;
        ref.decodingStrategy = decoding;
        ref.nullBytePolicy = nullBytes;
        return ref;
    }

    static Stream<Arguments> failures() {
        RemoteSecret json = RemoteSecret.ofString("{\"password\":\"" + MARKER + "\",\"n\":{\"x\":\"" + MARKER + "\"}}");
        RemoteSecret notJson = RemoteSecret.ofString(MARKER + " {\"" + MARKER);
        RemoteSecret array = RemoteSecret.ofString("[\"" + MARKER + "\"]");
        RemoteSecret withNul = RemoteSecret.ofString(MARKER + "\u0000" + MARKER);
        return Stream.of(
                Arguments.of(
                        "missing property", (Executable) () -> EntryValues.forData("k", ref("nope", null, null), json)),
                Arguments.of("property on non-JSON", (Executable)
                        () -> EntryValues.forData("k", ref("a.b", null, null), notJson)),
                Arguments.of("unsupported property", (Executable)
                        () -> EntryValues.forData("k", ref("n.*", null, null), json)),
                Arguments.of("base64", (Executable)
                        () -> EntryValues.forData("k", ref("password", RemoteRef.DecodingStrategy.Base64, null), json)),
                Arguments.of("base64url", (Executable)
                        () -> EntryValues.forData("k", ref(null, RemoteRef.DecodingStrategy.Base64URL, null), notJson)),
                Arguments.of("null bytes", (Executable)
                        () -> EntryValues.forData("k", ref(null, null, RemoteRef.NullBytePolicy.Fail), withNul)),
                Arguments.of("extract non-JSON", (Executable)
                        () -> EntryValues.forExtract(ref(null, null, null), null, notJson)),
                Arguments.of(
                        "extract array", (Executable) () -> EntryValues.forExtract(ref(null, null, null), null, array)),
                Arguments.of("extract scalar property", (Executable)
                        () -> EntryValues.forExtract(ref("password", null, null), null, json)),
                Arguments.of("extract decoding", (Executable)
                        () -> EntryValues.forExtract(ref(null, RemoteRef.DecodingStrategy.Base64, null), null, json)),
                Arguments.of("invalid key", (Executable)
                        () -> EntryValues.forExtract(ref(null, null, null), List.of(regexp("^", "bad/")), json)),
                Arguments.of("duplicate key", (Executable)
                        () -> EntryValues.forExtract(ref(null, null, null), List.of(regexp(".*", "same")), json)),
                Arguments.of("template error", (Executable)
                        () -> EntryValues.forExtract(ref(null, null, null), List.of(transform("{value.nope}")), json)),
                Arguments.of("find decoding", (Executable) () ->
                        EntryValues.forFind(base64Find(), null, Map.of("name", RemoteSecret.ofString(MARKER + "!")))));
    }

    static ExternalSecretFind base64Find() {
        ExternalSecretFind find = new ExternalSecretFind();
        find.decodingStrategy = RemoteRef.DecodingStrategy.Base64;
        return find;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void markerNeverAppears(String name, Executable failing) {
        ExtractionException e = org.junit.jupiter.api.Assertions.assertThrows(ExtractionException.class, failing);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(e.getMessage().contains(MARKER), e.getMessage());
        assertFalse(trace.toString().contains(MARKER), "stack trace leaks the value");
        assertFalse(e.toString().contains(MARKER));
        assertNull(e.getCause());
        assertEquals(0, e.getSuppressed().length);
    }
}
