package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static io.sluice.template.functions.TestPki.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PemFunctionsTest {
    private static final TestPki PKI = new TestPki();

    @Test
    void filterPemKeepsBlocksOfOneType() {
        String bundle = "junk before\n" + PKI.leafKeyPem() + pem(PKI.leaf) + "text between\n" + pem(PKI.root);
        assertEquals(pem(PKI.leaf) + pem(PKI.root), text("filterPEM", "CERTIFICATE", bundle));
        assertEquals(PKI.leafKeyPem(), text("filterPEM", "PRIVATE KEY", bundle));
        assertThrows(FunctionFailure.class, () -> call("filterPEM", "CERTIFICATE", "no pem here"));
    }

    @Test
    void filterCertChainPicksLeafIntermediateAndRootInAnyOrder() {
        String shuffled = pem(PKI.root) + pem(PKI.leaf) + pem(PKI.intermediate);
        assertEquals(pem(PKI.leaf), text("filterCertChain", "leaf", shuffled));
        assertEquals(pem(PKI.intermediate), text("filterCertChain", "intermediate", shuffled));
        assertEquals(pem(PKI.root), text("filterCertChain", "root", shuffled));
        assertEquals("", text("filterCertChain", "root", pem(PKI.leaf) + pem(PKI.intermediate)));
        assertThrows(FunctionFailure.class, () -> call("filterCertChain", "middle", shuffled));
    }

    @Test
    void certSansListsDnsIpEmailAndUri() {
        assertEquals(
                List.of("app.example.com", "www.example.com", "10.0.0.1", "ops@example.com", "spiffe://example/app"),
                call("certSANs", pem(PKI.leaf)));
        assertEquals(
                "app.example.com,www.example.com,10.0.0.1,ops@example.com,spiffe://example/app",
                text("join", ",", call("certSANs", pem(PKI.leaf))));
    }
}
