package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwkFunctionsTest {
    // RFC 8037, appendix A.1 and A.2: an Ed25519 key pair
    private static final String ED25519 = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
            + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    @Test
    void ed25519KnownAnswer() {
        assertEquals(
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n",
                text("jwkPublicKeyPem", ED25519));
        assertEquals(
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n",
                text("jwkPrivateKeyPem", ED25519));
    }

    @Test
    void ed25519PemsFormAWorkingKeyPair() throws Exception {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(factory.generatePrivate(new PKCS8EncodedKeySpec(der(text("jwkPrivateKeyPem", ED25519)))));
        signer.update("msg".getBytes());
        byte[] signature = signer.sign();
        signer.initVerify(factory.generatePublic(new X509EncodedKeySpec(der(text("jwkPublicKeyPem", ED25519)))));
        signer.update("msg".getBytes());
        assertTrue(signer.verify(signature));
    }

    @Test
    void rsaJwkGivesTheSameKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent())
                + "\",\"d\":\"" + b64(priv.getPrivateExponent()) + "\",\"p\":\"" + b64(priv.getPrimeP())
                + "\",\"q\":\"" + b64(priv.getPrimeQ()) + "\",\"dp\":\"" + b64(priv.getPrimeExponentP())
                + "\",\"dq\":\"" + b64(priv.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(priv.getCrtCoefficient())
                + "\"}";
        assertArrayEquals(pub.getEncoded(), der(text("jwkPublicKeyPem", jwk)));
        assertArrayEquals(priv.getEncoded(), der(text("jwkPrivateKeyPem", jwk)));
    }

    @Test
    void ecPublicJwk() throws Exception {
        TestPki pki = new TestPki();
        java.security.interfaces.ECPublicKey pub = (java.security.interfaces.ECPublicKey) pki.leafKey.getPublic();
        String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                + b64(pub.getW().getAffineX()) + "\",\"y\":\"" + b64(pub.getW().getAffineY()) + "\"}";
        assertArrayEquals(pub.getEncoded(), der(text("jwkPublicKeyPem", jwk)));
        assertThrows(FunctionFailure.class, () -> call("jwkPrivateKeyPem", jwk), "no d member");
        assertThrows(FunctionFailure.class, () -> call("jwkPublicKeyPem", "{\"kty\":\"oct\",\"k\":\"AA\"}"));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
