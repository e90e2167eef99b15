package io.sluice.template.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** jwkPublicKeyPem and jwkPrivateKeyPem for RSA, EC (P-256/384/521) and Ed25519 JSON Web Keys. */
final class JwkFunctions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CURVES =
            Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
    private static final Map<String, String> CURVE_OIDS =
            Map.of("P-256", "1.2.840.10045.3.1.7", "P-384", "1.3.132.0.34", "P-521", "1.3.132.0.35");
    // DER prefixes of SubjectPublicKeyInfo and PKCS#8 for Ed25519 (RFC 8410); the raw 32 bytes follow.
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private JwkFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one(
                "jwkPublicKeyPem",
                "jwkPublicKeyPem JWK",
                v -> Pem.encode("PUBLIC KEY", publicKey(read("jwkPublicKeyPem", v))));
        library.one(
                "jwkPrivateKeyPem",
                "jwkPrivateKeyPem JWK",
                v -> Pem.encode("PRIVATE KEY", privateKey(read("jwkPrivateKeyPem", v))));
    }

    private record Jwk(String function, Map<String, Object> fields) {
        String text(String name) {
            Object value = fields.get(name);
            if (!(value instanceof String s)) {
                throw new FunctionFailure(function, "the JWK has no \"" + name + "\" member");
            }
            return s;
        }

        BigInteger number(String name) {
            return new BigInteger(1, raw(name));
        }

        byte[] raw(String name) {
            try {
                return Base64.getUrlDecoder().decode(text(name));
            } catch (IllegalArgumentException e) {
                throw new FunctionFailure(function, "the JWK member \"" + name + "\" is not base64url");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Jwk read(String function, Object value) {
        try {
            return new Jwk(function, JSON.readValue(Args.text(value), Map.class));
        } catch (JsonProcessingException e) {
            throw new FunctionFailure(function, "input is not a JSON object");
        }
    }

    private static byte[] publicKey(Jwk jwk) {
        try {
            return switch (jwk.text("kty")) {
                case "RSA" ->
                    KeyFactory.getInstance("RSA")
                            .generatePublic(new RSAPublicKeySpec(jwk.number("n"), jwk.number("e")))
                            .getEncoded();
                case "EC" ->
                    KeyFactory.getInstance("EC")
                            .generatePublic(
                                    new ECPublicKeySpec(new ECPoint(jwk.number("x"), jwk.number("y")), curve(jwk)))
                            .getEncoded();
                case "OKP" -> concat(ED25519_SPKI_PREFIX, ed25519(jwk, "x"));
                default -> throw new FunctionFailure(jwk.function(), "unsupported key type (use RSA, EC or OKP)");
            };
        } catch (GeneralSecurityException e) {
            throw new FunctionFailure(jwk.function(), "the JWK does not describe a valid public key");
        }
    }

    private static byte[] privateKey(Jwk jwk) {
        try {
            return switch (jwk.text("kty")) {
                case "RSA" ->
                    KeyFactory.getInstance("RSA")
                            .generatePrivate(new RSAPrivateCrtKeySpec(
                                    jwk.number("n"),
                                    jwk.number("e"),
                                    jwk.number("d"),
                                    jwk.number("p"),
                                    jwk.number("q"),
                                    jwk.number("dp"),
                                    jwk.number("dq"),
                                    jwk.number("qi")))
                            .getEncoded();
                case "EC" -> ecPrivateKey(jwk);
                case "OKP" -> concat(ED25519_PKCS8_PREFIX, ed25519(jwk, "d"));
                default -> throw new FunctionFailure(jwk.function(), "unsupported key type (use RSA, EC or OKP)");
            };
        } catch (GeneralSecurityException e) {
            throw new FunctionFailure(jwk.function(), "the JWK does not describe a valid private key");
        }
    }

    /**
     * Go's x509.MarshalPKCS8PrivateKey for an EC key, as ESO returns it: the curve named in the algorithm, and
     * inside an ECPrivateKey (RFC 5915) with the private scalar padded to the order's size and the public point
     * included. Java's own encoding leaves the public point out.
     */
    private static byte[] ecPrivateKey(Jwk jwk) throws GeneralSecurityException {
        ECParameterSpec curve = curve(jwk);
        KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(jwk.number("d"), curve));
        int fieldBytes = (curve.getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = new byte[1 + 2 * fieldBytes];
        point[0] = 0x04;
        fixed(jwk, jwk.number("x"), point, 1, fieldBytes);
        fixed(jwk, jwk.number("y"), point, 1 + fieldBytes, fieldBytes);
        ASN1ObjectIdentifier curveOid = new ASN1ObjectIdentifier(CURVE_OIDS.get(jwk.text("crv")));
        return GoPkcs8.ec(jwk.function(), curveOid, curve.getOrder().bitLength(), jwk.number("d"), point);
    }

    /** Big-endian, left-padded with zeros to {@code length} bytes, as Go's FillBytes. */
    private static void fixed(Jwk jwk, BigInteger value, byte[] into, int offset, int length) {
        byte[] raw = value.toByteArray();
        int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int size = raw.length - skip;
        if (size > length) {
            throw new FunctionFailure(jwk.function(), "an EC coordinate is larger than the curve");
        }
        System.arraycopy(raw, skip, into, offset + length - size, size);
    }

    private static ECParameterSpec curve(Jwk jwk) throws GeneralSecurityException {
        String name = CURVES.get(jwk.text("crv"));
        if (name == null) {
            throw new FunctionFailure(jwk.function(), "unsupported curve (use P-256, P-384 or P-521)");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(name));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] ed25519(Jwk jwk, String member) {
        if (!"Ed25519".equals(jwk.text("crv"))) {
            throw new FunctionFailure(jwk.function(), "unsupported OKP curve (use Ed25519)");
        }
        byte[] raw = jwk.raw(member);
        if (raw.length != 32) {
            throw new FunctionFailure(jwk.function(), "an Ed25519 key is 32 bytes");
        }
        return raw;
    }

    private static byte[] concat(byte[] prefix, byte[] rest) {
        byte[] out = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }
}
