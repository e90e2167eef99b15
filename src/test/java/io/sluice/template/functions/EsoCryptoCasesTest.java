package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static io.sluice.template.functions.TestPki.pem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crypto cases of ESO's runtime/template/v2 tests (pem_test.go, pkcs12_test.go, template_test.go), each row named
 * after the ESO case it mirrors. Certificates come from {@link TestPki}; ESO's _testdata files play the same roles
 * (foo.crt = leaf, intermediate-ca.crt, root-ca.crt, root-ca.key, disjunct-root-ca.crt).
 */
class EsoCryptoCasesTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki UNRELATED = new TestPki();
    private static final String LEAF = pem(PKI.leaf);
    private static final String INTERMEDIATE = pem(PKI.intermediate);
    private static final String ROOT = pem(PKI.root);
    private static final String KEY = PKI.leafKeyPem();
    private static final String ROOT_KEY =
            Pem.encode("PRIVATE KEY", PKI.rootKey.getPrivate().getEncoded());

    /** pem_test.go TestFilterPEM; ESO passes the type in lower case ("certificate", "private key"). */
    static Stream<Arguments> filterPemRows() {
        String other = INTERMEDIATE;
        return Stream.of(
                Arguments.of("extract cert / cert first", "certificate", LEAF + KEY, LEAF),
                Arguments.of("extract cert / key first", "certificate", KEY + LEAF, LEAF),
                Arguments.of("extract multiple certs", "certificate", KEY + LEAF + KEY + other, LEAF + other),
                Arguments.of("extract key", "private key", KEY + LEAF, KEY),
                Arguments.of("key with junk", "private key", LEAF + KEY + "some ---junk---", KEY),
                Arguments.of("begin/end with junk", "private key", "some junk" + LEAF + KEY + "some ---junk---", KEY),
                Arguments.of("interleaved junk", "private key", LEAF + "some junk" + KEY, null),
                Arguments.of("err when junk", "private key", "---junk---", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterPemRows")
    void filterPem(String row, String type, String input, String expected) {
        if (expected == null) {
            assertThrows(FunctionFailure.class, () -> call("filterPEM", type, input), row);
        } else {
            assertEquals(expected, text("filterPEM", type, input), row);
        }
    }

    /** pem_test.go TestFilterCertChain. */
    static Stream<Arguments> filterCertChainRows() {
        return Stream.of(
                Arguments.of("extract leaf cert / empty cert chain", "leaf", "", null),
                Arguments.of("extract leaf cert / cert chain with pkey", "leaf", LEAF + ROOT_KEY, null),
                Arguments.of("extract leaf cert / leaf cert only", "leaf", LEAF, LEAF),
                Arguments.of("extract leaf cert / cert chain without root", "leaf", LEAF + INTERMEDIATE, LEAF),
                Arguments.of("extract leaf cert / root cert only", "leaf", ROOT, ""),
                Arguments.of("extract leaf cert / full cert chain", "leaf", LEAF + INTERMEDIATE + ROOT, LEAF),
                Arguments.of("extract intermediate cert / leaf cert only", "intermediate", LEAF, ""),
                Arguments.of(
                        "extract intermediate cert / cert chain without root",
                        "intermediate",
                        LEAF + INTERMEDIATE,
                        INTERMEDIATE),
                Arguments.of(
                        "extract intermediate cert / full cert chain",
                        "intermediate",
                        LEAF + INTERMEDIATE + ROOT,
                        INTERMEDIATE),
                Arguments.of("extract root cert / leaf cert only", "root", LEAF, ""),
                Arguments.of("extract root cert / root cert only", "root", ROOT, ROOT),
                Arguments.of("extract root cert / full cert chain", "root", LEAF + INTERMEDIATE + ROOT, ROOT),
                Arguments.of(
                        "(Sluice) disjunct set: an unrelated root next to the chain",
                        "leaf",
                        LEAF + INTERMEDIATE + ROOT + pem(UNRELATED.root),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCertChainRows")
    void filterCertChain(String row, String kind, String input, String expected) {
        if (expected == null) {
            assertThrows(FunctionFailure.class, () -> call("filterCertChain", kind, input), row);
        } else {
            assertEquals(expected, text("filterCertChain", kind, input), row);
        }
    }

    /**
     * pkcs12_test.go with foo-disjunct-nopass.pfx (a chain plus an unrelated root, written by OpenSSL-style tools
     * with no trust attribute on the extra certificate): every certificate comes back, in stored order. A set that
     * forms one chain is ordered leaf to root whatever its stored order.
     */
    static Stream<Arguments> pkcs12CertRows() {
        X509Certificate unrelated = UNRELATED.root;
        return Stream.of(
                Arguments.of(
                        "disjunct, no password",
                        "",
                        List.of(PKI.leaf, PKI.root, unrelated, PKI.intermediate),
                        LEAF + ROOT + pem(unrelated) + INTERMEDIATE),
                Arguments.of(
                        "disjunct, with password",
                        "s3cr3t",
                        List.of(PKI.leaf, unrelated, PKI.intermediate),
                        LEAF + pem(unrelated) + INTERMEDIATE),
                Arguments.of(
                        "one chain stored out of order is ordered",
                        "",
                        List.of(PKI.leaf, PKI.root, PKI.intermediate),
                        LEAF + INTERMEDIATE + ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pkcs12CertRows")
    void pkcs12certPassKeepsEveryCertificate(String row, String password, List<X509Certificate> stored, String expected)
            throws Exception {
        Object archive = Bytes.of(legacyArchive(stored, password));
        assertEquals(expected, text("pkcs12certPass", password, archive), row);
        assertEquals(PKI.leafKeyPemAsGo(), text("pkcs12keyPass", password, archive), row);
    }

    /** template_test.go "fullPemToPkcs12Pass" with disjunct-chain.pem: the CA did not issue the leaf. */
    @Test
    void fullPemToPkcs12PassAcceptsAChainThatDoesNotLinkUp() throws Exception {
        String chain = LEAF + pem(UNRELATED.root);
        byte[] archive = Base64.getDecoder().decode(text("fullPemToPkcs12Pass", chain, KEY, "pw"));
        assertEquals(chain, text("pkcs12certPass", "pw", Bytes.of(archive)));
        assertEquals(PKI.leafKeyPemAsGo(), text("pkcs12keyPass", "pw", Bytes.of(archive)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(archive), "pw".toCharArray());
        assertEquals(PKI.leaf, store.getCertificate(store.aliases().nextElement()), "Java reads it too");
    }

    /**
     * template_test.go "jwkPrivateKeyPem" for an EC key, on RFC 7517 appendix A.2's P-256 key: Go's
     * MarshalPKCS8PrivateKey, i.e. PKCS#8 naming the curve, holding an RFC 5915 ECPrivateKey with the public point.
     */
    @Test
    void jwkPrivateKeyPemForEcIsGosPkcs8WithThePublicKey() {
        String x = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4";
        String y = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM";
        String d = "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE";
        String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\",\"d\":\"" + d + "\"}";
        HexFormat hex = HexFormat.of();
        String expected = "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420"
                + hex.formatHex(raw(d)) + "a14403420004" + hex.formatHex(raw(x)) + hex.formatHex(raw(y));
        String pem = text("jwkPrivateKeyPem", jwk);
        assertEquals(Pem.encode("PRIVATE KEY", hex.parseHex(expected)), pem);
        assertEquals(
                "1.2.840.10045.2.1",
                PrivateKeyInfo.getInstance(Pem.blocks(pem).get(0).der())
                        .getPrivateKeyAlgorithm()
                        .getAlgorithm()
                        .getId());
    }

    /**
     * pkcs12_test.go reads keys with Go's MarshalPKCS8PrivateKey too: for the same RFC 7517 A.2 key stored in a
     * PKCS#12 keystore, pkcs12key prints the PKCS#8 form with the public point, which Java's own encoding leaves out.
     */
    @Test
    void pkcs12keyForEcIsGosPkcs8WithThePublicKey() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] goForm = hex.parseHex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420"
                + hex.formatHex(raw("870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE")) + "a14403420004"
                + hex.formatHex(raw("MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4"))
                + hex.formatHex(raw("4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM")));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(goForm));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("k", key, "pw".toCharArray(), new Certificate[] {PKI.leaf});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, "pw".toCharArray());
        assertEquals(Pem.encode("PRIVATE KEY", goForm), text("pkcs12keyPass", "pw", Bytes.of(out.toByteArray())));
    }

    private static byte[] raw(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    /**
     * A PKCS#12 archive as OpenSSL and go-pkcs12's legacy encoder write it: certificate bags in the given order, the
     * first tied to the key by localKeyId, the others without attributes, encrypted with RC2-40; an unencrypted
     * SafeContents with the shrouded key; a SHA-1 MAC.
     */
    private static byte[] legacyArchive(List<X509Certificate> certs, String password) throws Exception {
        char[] pass = password.toCharArray();
        DEROctetString localKeyId = new DEROctetString(new byte[] {1, 2, 3, 4});
        PKCS12SafeBag[] certBags = new PKCS12SafeBag[certs.size()];
        for (int i = 0; i < certs.size(); i++) {
            PKCS12SafeBagBuilder bag = new PKCS12SafeBagBuilder(
                    new X509CertificateHolder(certs.get(i).getEncoded()));
            if (i == 0) {
                bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
            }
            certBags[i] = bag.build();
        }
        PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(
                PrivateKeyInfo.getInstance(PKI.leafKey.getPrivate().getEncoded()),
                new BcPKCS12PBEOutputEncryptorBuilder(
                                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                                CBCBlockCipher.newInstance(new org.bouncycastle.crypto.engines.DESedeEngine()))
                        .build(pass));
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        pfx.addEncryptedData(
                new BcPKCS12PBEOutputEncryptorBuilder(
                                PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                                CBCBlockCipher.newInstance(new RC2Engine()))
                        .build(pass),
                certBags);
        pfx.addData(keyBag.build());
        return pfx.build(new BcPKCS12MacCalculatorBuilder(), pass).getEncoded();
    }

    @Test
    void theLegacyArchiveHelperHoldsWhatItSays() throws Exception {
        // positive control for the rows above: Java's KeyStore drops the unmarked unrelated root (the old behaviour)
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(
                new ByteArrayInputStream(legacyArchive(List.of(PKI.leaf, UNRELATED.root, PKI.intermediate), "")),
                new char[0]);
        String alias = store.aliases().nextElement();
        assertArrayEquals(new Object[] {PKI.leaf, PKI.intermediate}, store.getCertificateChain(alias));
    }
}
