package io.sluice.template.functions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * sprig's encryptAES and decryptAES, in sprig's exact format: AES-256-CBC keyed by the password's UTF-8 bytes
 * zero-padded (or cut) to 32 bytes, PKCS#7 padding, a random IV written before the ciphertext, all base64. As in
 * sprig, an empty input gives an empty output, and decryptAES removes as many bytes as the last byte says without
 * checking the padding (so a wrong password gives garbage, or fails when that count is too large). No key
 * derivation, no authentication: this is for compatibility with existing templates, not a recommendation.
 */
final class AesFunctions {
    private static final int BLOCK = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.two("encryptAES", "encryptAES PASSWORD TEXT", (p, text) -> encrypt(Args.text(p), Args.bytes(text)));
        library.two("decryptAES", "decryptAES PASSWORD BASE64", (p, text) -> decrypt(Args.text(p), Args.text(text)));
    }

    private static SecretKeySpec key(String password) {
        byte[] raw = password.getBytes(StandardCharsets.UTF_8);
        return new SecretKeySpec(Arrays.copyOf(raw, 32), "AES");
    }

    private static String encrypt(String password, byte[] plain) {
        if (plain.length == 0) {
            return "";
        }
        int padding = BLOCK - plain.length % BLOCK;
        byte[] padded = Arrays.copyOf(plain, plain.length + padding);
        Arrays.fill(padded, plain.length, padded.length, (byte) padding);
        byte[] iv = new byte[BLOCK];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(password), new IvParameterSpec(iv));
            byte[] out = Arrays.copyOf(iv, BLOCK + padded.length);
            cipher.doFinal(padded, 0, padded.length, out, BLOCK);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new FunctionFailure("encryptAES", "AES encryption is not available");
        }
    }

    private static Object decrypt(String password, String base64) {
        if (base64.isEmpty()) {
            return "";
        }
        byte[] crypt;
        try {
            crypt = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new FunctionFailure("decryptAES", "input is not valid base64");
        }
        if (crypt.length <= BLOCK || crypt.length % BLOCK != 0) {
            throw new FunctionFailure("decryptAES", "input is not an IV followed by whole AES blocks");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(password), new IvParameterSpec(crypt, 0, BLOCK));
            plain = cipher.doFinal(crypt, BLOCK, crypt.length - BLOCK);
        } catch (GeneralSecurityException e) {
            throw new FunctionFailure("decryptAES", "the input cannot be decrypted");
        }
        int padding = plain[plain.length - 1] & 0xff;
        if (padding > plain.length) {
            throw new FunctionFailure("decryptAES", "the input cannot be decrypted with this password");
        }
        return Bytes.of(Arrays.copyOf(plain, plain.length - padding));
    }
}
