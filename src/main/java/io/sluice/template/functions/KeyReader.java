package io.sluice.template.functions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads certificates and private keys (PKCS#8, PKCS#1 RSA, SEC1 EC) out of PEM text. */
final class KeyReader {
    private KeyReader() {}

    static List<X509Certificate> certificates(String function, String pem) {
        List<X509Certificate> certs = new ArrayList<>();
        for (Pem.Block block : Pem.blocks(pem)) {
            if (block.type().equals("CERTIFICATE")) {
                certs.add(certificate(function, block.der()));
            }
        }
        if (certs.isEmpty()) {
            throw new FunctionFailure(function, "no CERTIFICATE PEM block found");
        }
        return certs;
    }

    static X509Certificate certificate(String function, byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new FunctionFailure(function, "a CERTIFICATE block is not a valid X.509 certificate");
        }
    }

    static PrivateKey privateKey(String function, String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FunctionFailure(function, "the private key PEM cannot be parsed");
        }
        throw new FunctionFailure(function, "no unencrypted private key PEM block found");
    }
}
