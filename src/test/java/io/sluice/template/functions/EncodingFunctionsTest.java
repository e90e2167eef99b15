package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {
    @Test
    void b64enc() {
        assertEquals("aGVsbG8gd29ybGQ=", text("b64enc", "hello world"));
    }

    @Test
    void b64dec() {
        assertEquals("hello world", text("b64dec", "aGVsbG8gd29ybGQ="));
        assertEquals(
                "b64dec: input is not valid base64",
                assertThrows(FunctionFailure.class, () -> call("b64dec", "%%%")).getMessage());
    }

    @Test
    void b64decKeepsBinaryData() {
        Object decoded = call("b64dec", "/wD+QQ==");
        assertArrayEquals(
                new byte[] {(byte) 0xff, 0, (byte) 0xfe, 0x41},
                assertInstanceOf(Bytes.class, decoded).content());
        assertEquals("/wD+QQ==", text("b64enc", decoded));
    }

    @Test
    void b32enc() {
        assertEquals("NBSWY3DP", text("b32enc", "hello"));
        assertEquals("MZXW6YQ=", text("b32enc", "foob"));
    }

    @Test
    void b32dec() {
        assertEquals("hello", text("b32dec", "NBSWY3DP"));
        assertEquals("foob", text("b32dec", "MZXW6YQ="));
        assertThrows(FunctionFailure.class, () -> call("b32dec", "not base32!"));
    }
}
