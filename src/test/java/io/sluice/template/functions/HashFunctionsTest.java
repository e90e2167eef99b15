package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class HashFunctionsTest {
    @Test
    void shaSums() {
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", text("sha1sum", "hello"));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", text("sha256sum", "hello"));
        assertEquals(
                "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
                        + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043",
                text("sha512sum", "hello"));
    }

    @Test
    void bcryptMatchesGoFormatAndVerifies() {
        String hash = text("bcrypt", "s3cret");
        assertTrue(hash.startsWith("$2a$10$") && hash.length() == 60, hash);
        assertTrue(OpenBSDBCrypt.checkPassword(hash, "s3cret".toCharArray()));
        assertFalse(OpenBSDBCrypt.checkPassword(hash, "other".toCharArray()));
        assertNotEquals(hash, text("bcrypt", "s3cret"), "a fresh salt each time");
    }

    @Test
    void bcryptWithAFixedSaltIsDeterministic() {
        byte[] salt = new byte[16];
        assertEquals(
                HashFunctions.bcrypt("bcrypt", "pw".getBytes(), salt),
                HashFunctions.bcrypt("bcrypt", "pw".getBytes(), salt));
        assertThrows(FunctionFailure.class, () -> HashFunctions.bcrypt("bcrypt", new byte[73], salt));
    }

    @Test
    void htpasswd() {
        String line = text("htpasswd", "admin", "s3cret");
        assertTrue(line.startsWith("admin:$2a$10$"), line);
        assertTrue(OpenBSDBCrypt.checkPassword(line.substring("admin:".length()), "s3cret".toCharArray()));
        assertThrows(FunctionFailure.class, () -> call("htpasswd", "bad:user", "x"));
    }
}
