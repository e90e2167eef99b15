package io.sluice.template.functions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** sha1sum, sha256sum, sha512sum (hex), bcrypt and htpasswd (bcrypt, cost 10, "$2a$" like Go). */
final class HashFunctions {
    static final int BCRYPT_COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private HashFunctions() {
    }

    static void register(FunctionLibrary.Builder library) {
        library.one("sha1sum", "sha1sum VALUE", v -> digest("SHA-1", v));
        library.one("sha256sum", "sha256sum VALUE", v -> digest("SHA-256", v));
        library.one("sha512sum", "sha512sum VALUE", v -> digest("SHA-512", v));
        library.one("bcrypt", "bcrypt VALUE", v -> bcrypt("bcrypt", Args.bytes(v), randomSalt()));
        library.two("htpasswd", "htpasswd USER PASSWORD", (user, password) -> {
            String name = Args.text(user);
            if (name.contains(":")) {
                throw new FunctionFailure("htpasswd", "the user name must not contain ':'");
            }
            return name + ":" + bcrypt("htpasswd", Args.bytes(password), randomSalt());
        });
    }

    static String bcrypt(String function, byte[] password, byte[] salt) {
        if (password.length > 72) {
            throw new FunctionFailure(function, "bcrypt accepts at most 72 bytes of input");
        }
        return OpenBSDBCrypt.generate("2a", password, salt, BCRYPT_COST);
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static String digest(String algorithm, Object value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Args.bytes(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
