package io.sluice.template.functions;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * ESO's {@code rsaDecrypt SCHEME HASH CIPHERTEXT PRIVATE_KEY}: scheme {@code RSA-OAEP} decrypts with
 * OAEP, MGF1 over the same hash and an empty label, as Go's rsa.DecryptOAEP; scheme {@code None}
 * returns the input unchanged. The hash is SHA1, SHA256 or SHA512; anything else means SHA256, as in ESO.
 */
final class RsaFunctions {
    private RsaFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.add(new FunctionSpec(
                "rsaDecrypt",
                4,
                4,
                "rsaDecrypt SCHEME HASH CIPHERTEXT PRIVATE_KEY",
                args -> decrypt(Args.text(args.get(0)), Args.text(args.get(1)), args.get(2), Args.text(args.get(3)))));
    }

    private static Object decrypt(String scheme, String hash, Object ciphertext, String privateKeyPem) {
        return switch (scheme) {
            case "None" -> ciphertext;
            case "RSA-OAEP" -> oaep(hash, Args.bytes(ciphertext), privateKeyPem);
            default ->
                throw new FunctionFailure(
                        "rsaDecrypt", "the decryption scheme is not supported (use RSA-OAEP or None)");
        };
    }

    private static Object oaep(String hash, byte[] ciphertext, String privateKeyPem) {
        PrivateKey key = KeyReader.privateKey("rsaDecrypt", privateKeyPem);
        if (!(key instanceof RSAPrivateKey)) {
            throw new FunctionFailure("rsaDecrypt", "could not parse RSA private key");
        }
        String digest = switch (hash) {
            case "SHA1" -> "SHA-1";
            case "SHA512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new OAEPParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), PSource.PSpecified.DEFAULT));
            return Bytes.of(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new FunctionFailure("rsaDecrypt", "error decrypting data with RSA");
        }
    }
}
