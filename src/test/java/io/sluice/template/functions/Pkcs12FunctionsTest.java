package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static io.sluice.template.functions.TestPki.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class Pkcs12FunctionsTest {
    private static final TestPki PKI = new TestPki();
    private static final String CHAIN = pem(PKI.leaf) + pem(PKI.intermediate) + pem(PKI.root);

    private static Object keystore(String password) {
        return Bytes.of(PKI.pkcs12(password));
    }

    @Test
    void pkcs12keyAndPkcs12keyPass() {
        assertEquals(PKI.leafKeyPemAsGo(), text("pkcs12key", keystore("")));
        assertEquals(PKI.leafKeyPemAsGo(), text("pkcs12keyPass", "changeit", keystore("changeit")));
        FunctionFailure wrong =
                assertThrows(FunctionFailure.class, () -> call("pkcs12keyPass", "nope", keystore("changeit")));
        assertFalse(wrong.getMessage().contains("changeit"));
    }

    @Test
    void pkcs12certAndPkcs12certPassReturnTheChainLeafFirst() {
        assertEquals(CHAIN, text("pkcs12cert", keystore("")));
        assertEquals(CHAIN, text("pkcs12certPass", "changeit", keystore("changeit")));
    }

    @Test
    void pemToPkcs12AndPass() {
        Object p12 = call("pemToPkcs12", pem(PKI.leaf), PKI.leafKeyPem());
        Object raw = call("b64dec", p12);
        assertEquals(pem(PKI.leaf), text("pkcs12cert", raw));
        assertEquals(PKI.leafKeyPemAsGo(), text("pkcs12key", raw));
        Object withPass = call("b64dec", call("pemToPkcs12Pass", CHAIN, PKI.leafKeyPem(), "pw"));
        assertEquals(pem(PKI.leaf), text("pkcs12certPass", "pw", withPass), "only the first certificate");
    }

    @Test
    void fullPemToPkcs12AndPassKeepTheChain() {
        assertEquals(
                CHAIN,
                text(
                        "pkcs12cert",
                        Bytes.of(Base64.getDecoder().decode(text("fullPemToPkcs12", CHAIN, PKI.leafKeyPem())))));
        assertEquals(
                CHAIN,
                text(
                        "pkcs12certPass",
                        "pw",
                        call("b64dec", call("fullPemToPkcs12Pass", CHAIN, PKI.leafKeyPem(), "pw"))));
        assertThrows(FunctionFailure.class, () -> call("fullPemToPkcs12", CHAIN, "not a key"));
    }
}
