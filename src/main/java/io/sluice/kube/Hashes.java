package io.sluice.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Stable hashes of Secret data and metadata (SHA3-224, hex, like ESO's annotations). */
public final class Hashes {
    private Hashes() {
    }

    /** Hash of a Secret's data (key order does not matter). */
    public static String ofData(Map<String, byte[]> data) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(data == null ? Map.<String, byte[]>of() : data).forEach((k, v) -> canonical.append(k).append('=')
                .append(Base64.getEncoder().encodeToString(v)).append('\n'));
        return sha3(canonical.toString());
    }

    /** Hash of string maps (labels, annotations), key order ignored. */
    public static String ofStrings(Map<String, String> first, Map<String, String> second) {
        return sha3(new TreeMap<>(first == null ? Map.of() : first) + "|" + new TreeMap<>(second == null ? Map.of() : second));
    }

    public static String sha3(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA3-224");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-224 is part of every Java 9+ runtime", e);
        }
    }
}
