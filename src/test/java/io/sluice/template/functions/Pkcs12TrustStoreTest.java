package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static io.sluice.template.functions.TestPki.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.template.TemplateEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ESO's pemTruststoreToPKCS12 and pemTruststoreToPKCS12Pass (runtime/template/v2/pkcs12.go): every block of the
 * PEM input read as a certificate, written by go-pkcs12's Modern EncodeTrustStore as trusted certificate entries
 * named by Go's rendering of their subject.
 */
class Pkcs12TrustStoreTest {
    private static final TestPki PKI = new TestPki();
    private static final String BUNDLE = pem(PKI.root) + pem(PKI.intermediate) + pem(PKI.leaf);

    private static byte[] archive(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static KeyStore javaReads(byte[] archive, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(archive), password.toCharArray());
        return store;
    }

    @Test
    void everyCertificateBecomesATrustedEntryNamedBySubject() throws Exception {
        KeyStore store = javaReads(archive(text("pemTruststoreToPKCS12Pass", BUNDLE, "changeit")), "changeit");
        Set<String> aliases = new TreeSet<>(Collections.list(store.aliases()));
        // the friendly names, as Java lower-cases them into aliases
        assertEquals(Set.of("cn=test root", "cn=test intermediate", "cn=app.example.com"), aliases);
        for (String alias : aliases) {
            assertTrue(store.isCertificateEntry(alias), alias + " is a trusted certificate entry");
            assertFalse(store.isKeyEntry(alias));
        }
        assertEquals(PKI.intermediate, store.getCertificate("cn=test intermediate"));
    }

    @Test
    void certificatesAreStoredInTheOrderGiven() {
        byte[] archive = archive(text("pemTruststoreToPKCS12", BUNDLE));
        assertEquals(List.of(PKI.root, PKI.intermediate, PKI.leaf), Pkcs12Bags.certificates("test", archive, ""));
    }

    @Test
    void withoutPasswordIsTheEmptyPassword() throws Exception {
        byte[] archive = archive(text("pemTruststoreToPKCS12", pem(PKI.root)));
        assertEquals(PKI.root, javaReads(archive, "").getCertificate("cn=test root"));
        assertThrows(Exception.class, () -> javaReads(archive, "other"), "the MAC is keyed by the password");
    }

    @Test
    void aGoTemplateCallsItWithTheArgumentsInGoOrder() throws Exception {
        byte[] rendered = new TemplateEngine()
                .render(
                        "data[truststore.p12]",
                        "{{ pemTruststoreToPKCS12Pass .ca \"s3cret\" | b64dec | b64enc }}",
                        Map.of("ca", BUNDLE.getBytes(StandardCharsets.UTF_8)));
        KeyStore store = javaReads(archive(new String(rendered, StandardCharsets.UTF_8)), "s3cret");
        assertEquals(3, store.size());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a private key in the bundle", pem(PKI.root) + PKI.leafKeyPem()),
                Arguments.of("junk after the last certificate", pem(PKI.root) + "not pem"),
                Arguments.of(
                        "a block that does not decode",
                        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void inputThatIsNotOnlyCertificatesFails(String row, String input) {
        FunctionFailure failure =
                assertThrows(FunctionFailure.class, () -> call("pemTruststoreToPKCS12Pass", input, "pw"));
        assertFalse(failure.getMessage().contains("not pem"), "the input is not quoted");
    }

    @Test
    void textBeforeTheFirstBlockAndTrailingWhitespaceAreSkipped() {
        byte[] archive = archive(text("pemTruststoreToPKCS12", "# bundle\n" + pem(PKI.root) + "\n\n"));
        assertEquals(List.of(PKI.root), Pkcs12Bags.certificates("test", archive, ""));
    }

    @Test
    void noCertificateGivesAnEmptyTruststoreAsInEso() throws Exception {
        assertEquals(
                0, javaReads(archive(text("pemTruststoreToPKCS12", "")), "").size());
    }

    /** Go's pkix.Name.String(): fixed field order, reversed, multi-valued fields joined, unknown OIDs in hex. */
    static Stream<Arguments> goNames() {
        return Stream.of(
                Arguments.of("CN=Test Root", "CN=Test Root"),
                Arguments.of("CN=x,O=y", "CN=x,O=y"),
                Arguments.of("O=y,CN=x", "CN=x,O=y"),
                Arguments.of(
                        "C=DE,ST=Berlin,L=Mitte,O=Acme\\, Inc,OU=a,OU=b,CN=ca",
                        "CN=ca,OU=a+OU=b,O=Acme\\, Inc,L=Mitte,ST=Berlin,C=DE"),
                Arguments.of("CN=x,E=a@b.c", "CN=x,1.2.840.113549.1.9.1=#0c056140622e63"),
                Arguments.of("CN=first,CN=second", "CN=second"),
                Arguments.of("CN=x,SERIALNUMBER=42", "SERIALNUMBER=42,CN=x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goNames")
    void friendlyNamesAreGoSubjectStrings(String subject, String expected) {
        X509Certificate cert = TestPki.selfSigned(subject);
        assertEquals(expected, GoDistinguishedName.of(cert));
    }
}
