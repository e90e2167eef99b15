package io.sluice.template.functions;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small PKI made fresh for the tests: root CA, intermediate CA and a leaf with SANs (EC P-256). */
public final class TestPki {
    public final KeyPair rootKey = keyPair();
    public final X509Certificate root;
    public final KeyPair intermediateKey = keyPair();
    public final X509Certificate intermediate;
    public final KeyPair leafKey = keyPair();
    public final X509Certificate leaf;

    public TestPki() {
        root = certificate("CN=Test Root", rootKey, "CN=Test Root", rootKey, true, null);
        intermediate = certificate("CN=Test Intermediate", intermediateKey, "CN=Test Root", rootKey, true, root);
        leaf = certificate("CN=app.example.com", leafKey, "CN=Test Intermediate", intermediateKey, false, intermediate);
    }

    public static String pem(Certificate cert) {
        try {
            return Pem.encode("CERTIFICATE", cert.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String leafKeyPem() {
        return Pem.encode("PRIVATE KEY", leafKey.getPrivate().getEncoded());
    }

    /**
     * The leaf key as ESO's pkcs12key prints it (Go's MarshalPKCS8PrivateKey): built here from the key pair's own
     * public point, independently of the code under test, which derives the point from the scalar.
     */
    public String leafKeyPemAsGo() {
        ECPrivateKey key = (ECPrivateKey) leafKey.getPrivate();
        ECPoint w = ((ECPublicKey) leafKey.getPublic()).getW();
        HexFormat hex = HexFormat.of();
        String der = "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420" + fixed32(key.getS())
                + "a14403420004" + fixed32(w.getAffineX()) + fixed32(w.getAffineY());
        return Pem.encode("PRIVATE KEY", hex.parseHex(der));
    }

    private static String fixed32(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    /** A self-signed CA certificate whose subject is {@code subject}, its RDNs stored in the order written. */
    public static X509Certificate selfSigned(String subject) {
        KeyPair key = keyPair();
        return certificate(subject, key, subject, key, true, null);
    }

    /** leaf + intermediate + root as one PKCS#12 keystore. */
    public byte[] pkcs12(String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "app", leafKey.getPrivate(), password.toCharArray(), new Certificate[] {leaf, intermediate, root});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(
            String subject,
            KeyPair subjectKey,
            String issuer,
            KeyPair issuerKey,
            boolean ca,
            X509Certificate issuerCert) {
        try {
            long now = System.currentTimeMillis();
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(now),
                    new Date(now - 60_000),
                    new Date(now + 86_400_000L),
                    new X500Name(subject),
                    subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
            if (issuerCert != null) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
            }
            if (!ca) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "app.example.com"),
                    new GeneralName(GeneralName.dNSName, "www.example.com"),
                    new GeneralName(GeneralName.iPAddress, "10.0.0.1"),
                    new GeneralName(GeneralName.rfc822Name, "ops@example.com"),
                    new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example/app")
                }));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(
                            new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
