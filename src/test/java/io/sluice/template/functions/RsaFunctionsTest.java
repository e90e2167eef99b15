package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RsaFunctionsTest {

    @Test
    void anUnknownSchemeIsNamedByItsRuleNotQuoted() {
        FunctionFailure e = assertThrows(FunctionFailure.class, () -> call("rsaDecrypt", "s3cr3t", "SHA1", "x", "k"));
        assertEquals("rsaDecrypt: the decryption scheme is not supported (use RSA-OAEP or None)", e.getMessage());
    }

    @Test
    void aKeyThatIsNotRsaIsRefused() throws Exception {
        java.security.KeyPair ec =
                java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(ec.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        FunctionFailure e =
                assertThrows(FunctionFailure.class, () -> call("rsaDecrypt", "RSA-OAEP", "SHA256", "x", pem));
        assertEquals("rsaDecrypt: could not parse RSA private key", e.getMessage());
    }
}
