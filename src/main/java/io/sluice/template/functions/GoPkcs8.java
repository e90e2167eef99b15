package io.sluice.template.functions;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Go's x509.MarshalPKCS8PrivateKey, the form ESO's pkcs12key and jwkPrivateKeyPem print. For RSA and Ed25519 it
 * is Java's own PKCS#8 encoding. For EC Java leaves out the public point; Go writes the curve in the algorithm and
 * an RFC 5915 ECPrivateKey with the scalar padded to the size of the curve's order, no curve inside, and the public
 * point.
 */
final class GoPkcs8 {
    private GoPkcs8() {}

    static byte[] encode(String function, PrivateKey key) {
        PrivateKeyInfo info;
        ECPrivateKey ec;
        try {
            info = PrivateKeyInfo.getInstance(key.getEncoded());
            if (!info.getPrivateKeyAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                return key.getEncoded();
            }
            ec = ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new FunctionFailure(function, "the private key cannot be encoded");
        }
        ASN1ObjectIdentifier curve =
                namedCurve(function, info.getPrivateKeyAlgorithm().getParameters(), ec);
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        if (parameters == null) {
            throw new FunctionFailure(function, "the EC private key is on a curve Sluice does not know");
        }
        byte[] point = parameters.getG().multiply(ec.getKey()).normalize().getEncoded(false);
        return ec(function, curve, parameters.getN().bitLength(), ec.getKey(), point);
    }

    /** {@code point} is the uncompressed public point (0x04, X, Y). */
    static byte[] ec(String function, ASN1ObjectIdentifier curve, int orderBits, BigInteger scalar, byte[] point) {
        try {
            return new PrivateKeyInfo(
                            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve),
                            new ECPrivateKey(orderBits, scalar, new DERBitString(point), null))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new FunctionFailure(function, "the EC private key cannot be encoded");
        }
    }

    private static ASN1ObjectIdentifier namedCurve(
            String function, ASN1Encodable algorithmParameters, ECPrivateKey key) {
        if (algorithmParameters instanceof ASN1ObjectIdentifier curve) {
            return curve;
        }
        if (key.getParametersObject() instanceof ASN1ObjectIdentifier curve) {
            return curve;
        }
        throw new FunctionFailure(function, "the EC private key does not name its curve");
    }
}
