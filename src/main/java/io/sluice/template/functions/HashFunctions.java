package io.sluice.template.functions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Adler32;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** sha1sum, sha256sum, sha512sum (hex), adler32sum, bcrypt and htpasswd (bcrypt, cost 10, "$2a$" like Go, or {SHA}). */
final class HashFunctions {
    static final int BCRYPT_COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private HashFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("sha1sum", "sha1sum VALUE", v -> digest("SHA-1", v));
        library.one("sha256sum", "sha256sum VALUE", v -> digest("SHA-256", v));
        library.one("sha512sum", "sha512sum VALUE", v -> digest("SHA-512", v));
        library.one("bcrypt", "bcrypt VALUE", v -> bcrypt("bcrypt", Args.bytes(v), randomSalt()));
        library.one("adler32sum", "adler32sum VALUE", v -> {
            Adler32 sum = new Adler32();
            sum.update(Args.bytes(v));
            return Long.toString(sum.getValue());
        });
        library.add(new FunctionSpec("htpasswd", 2, 3, "htpasswd USER PASSWORD [bcrypt|sha]", args -> {
            String name = Args.text(args.get(0));
            if (name.contains(":")) {
                throw new FunctionFailure("htpasswd", "the user name must not contain ':'");
            }
            byte[] password = Args.bytes(args.get(1));
            boolean sha = args.size() == 3 && Args.text(args.get(2)).equals("sha");
            return name + ":"
                    + (sha
                            ? "{SHA}" + Base64.getEncoder().encodeToString(sha1(password))
                            : bcrypt("htpasswd", password, randomSalt()));
        }));
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
        return HexFormat.of().formatHex(hash(algorithm, Args.bytes(value)));
    }

    private static byte[] sha1(byte[] value) {
        return hash("SHA-1", value);
    }

    private static byte[] hash(String algorithm, byte[] value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
