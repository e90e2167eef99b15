package io.sluice.template.functions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PKCS#12 in both directions. Reading takes the raw keystore (usually {@code b64dec} of a fetched
 * value); writing returns the keystore base64-encoded, as ESO does.
 */
final class Pkcs12Functions {
    private Pkcs12Functions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("pkcs12key", "pkcs12key KEYSTORE", v -> key("pkcs12key", v, ""));
        library.two(
                "pkcs12keyPass", "pkcs12keyPass PASSWORD KEYSTORE", (p, v) -> key("pkcs12keyPass", v, Args.text(p)));
        library.one("pkcs12cert", "pkcs12cert KEYSTORE", v -> certs("pkcs12cert", v, ""));
        library.two(
                "pkcs12certPass",
                "pkcs12certPass PASSWORD KEYSTORE",
                (p, v) -> certs("pkcs12certPass", v, Args.text(p)));
        library.two(
                "pemToPkcs12",
                "pemToPkcs12 CERT KEY",
                (cert, key) -> write("pemToPkcs12", Args.text(cert), Args.text(key), "", false));
        library.three(
                "pemToPkcs12Pass",
                "pemToPkcs12Pass CERT KEY PASSWORD",
                (cert, key, p) -> write("pemToPkcs12Pass", Args.text(cert), Args.text(key), Args.text(p), false));
        library.two(
                "fullPemToPkcs12",
                "fullPemToPkcs12 CERTS KEY",
                (cert, key) -> write("fullPemToPkcs12", Args.text(cert), Args.text(key), "", true));
        library.three(
                "fullPemToPkcs12Pass",
                "fullPemToPkcs12Pass CERTS KEY PASSWORD",
                (cert, key, p) -> write("fullPemToPkcs12Pass", Args.text(cert), Args.text(key), Args.text(p), true));
        library.one(
                "pemTruststoreToPKCS12",
                "pemTruststoreToPKCS12 CERTS",
                certs -> Pkcs12Writer.trustStore(
                        "pemTruststoreToPKCS12", trustedCertificates("pemTruststoreToPKCS12", Args.text(certs)), ""));
        library.two(
                "pemTruststoreToPKCS12Pass",
                "pemTruststoreToPKCS12Pass CERTS PASSWORD",
                (certs, p) -> Pkcs12Writer.trustStore(
                        "pemTruststoreToPKCS12Pass",
                        trustedCertificates("pemTruststoreToPKCS12Pass", Args.text(certs)),
                        Args.text(p)));
    }

    /**
     * Every PEM block of the input read as a certificate, as ESO's parseCaCerts does: whatever a block's type, its
     * content must be a certificate (so a private key in the bundle fails), and text after the last block fails. ESO
     * fails on trailing whitespace too (a nil block it then dereferences); Sluice accepts it, see docs/templating.md.
     * No block at all gives an empty truststore, as in ESO.
     */
    private static List<X509Certificate> trustedCertificates(String function, String pem) {
        List<X509Certificate> certs = new ArrayList<>();
        String rest = pem;
        while (!rest.isBlank()) {
            Pem.Decoded decoded = Pem.decode(rest);
            if (decoded.block() == null) {
                throw new FunctionFailure(function, "the input has text after its last PEM block");
            }
            try {
                certs.add(KeyReader.certificate(function, decoded.block().der()));
            } catch (FunctionFailure notCertificate) {
                throw new FunctionFailure(function, "PEM block " + (certs.size() + 1) + " is not a certificate");
            }
            rest = decoded.rest();
        }
        return certs;
    }

    private static String key(String function, Object keystore, String password) {
        KeyStore store = load(function, keystore, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
                    return Pem.encode("PRIVATE KEY", GoPkcs8.encode(function, key));
                }
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new FunctionFailure(function, "the private key cannot be read from the keystore");
        }
        throw new FunctionFailure(function, "the keystore holds no private key");
    }

    /**
     * Every certificate in the order stored, then ordered leaf to root when they form one chain, as ESO's
     * pkcs12certPass: a set that does not (an unrelated root next to the chain) comes back as stored.
     */
    private static String certs(String function, Object keystore, String password) {
        load(function, keystore, password);
        List<X509Certificate> certs = Pkcs12Bags.certificates(function, Args.bytes(keystore), password);
        if (certs.isEmpty()) {
            throw new FunctionFailure(function, "the keystore holds no certificate");
        }
        try {
            return CertChain.pem(function, CertChain.order(function, certs));
        } catch (FunctionFailure notOneChain) {
            return CertChain.pem(function, certs);
        }
    }

    private static KeyStore load(String function, Object keystore, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Args.bytes(keystore)), password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new FunctionFailure(
                    function,
                    "the input is not a PKCS#12 keystore, or the password is wrong"
                            + " (pass the raw keystore, e.g. b64dec first)");
        }
    }

    private static String write(String function, String certPem, String keyPem, String password, boolean withChain) {
        List<X509Certificate> certs = KeyReader.certificates(function, certPem);
        return Pkcs12Writer.write(
                function, withChain ? certs : certs.subList(0, 1), KeyReader.privateKey(function, keyPem), password);
    }
}
