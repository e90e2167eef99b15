package io.sluice.generator;

import io.sluice.api.generators.PasswordSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * ESO's Password generator: {@code length} characters of which {@code digits} are digits and {@code symbols} are
 * symbols (each a quarter of the length by default), the rest letters (lower case only under {@code noUpper});
 * without {@code allowRepeat} no character occurs twice. Each character is inserted at a random position, so digits
 * and symbols are spread through the password.
 */
public final class PasswordGenerator {
    static final int DEFAULT_LENGTH = 24;
    static final String DEFAULT_SYMBOLS = "~!@#$%^&*()_+`-={}|[]\\:\"<>?,./";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String DEFAULT_KEY = "password";

    private final RandomGenerator random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    PasswordGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** One password per secret key (default {@code password}), encoded as the spec asks. */
    public Map<String, byte[]> generate(PasswordSpec spec) {
        PasswordSpec s = spec == null ? new PasswordSpec() : spec;
        List<String> keys = s.secretKeys == null || s.secretKeys.isEmpty() ? List.of(DEFAULT_KEY) : s.secretKeys;
        if (keys.stream().anyMatch(k -> k == null || k.isEmpty())
                || keys.stream().distinct().count() != keys.size()) {
            throw new GeneratorException("secretKeys must be non-empty and unique");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(key, encode(password(s), s.encoding));
        }
        return out;
    }

    String password(PasswordSpec s) {
        int length = s.length == null || s.length <= 0 ? DEFAULT_LENGTH : s.length;
        if (length > PasswordSpec.MAX_LENGTH) {
            throw new GeneratorException("length " + length + " exceeds the limit of " + PasswordSpec.MAX_LENGTH);
        }
        int digits = s.digits != null ? s.digits : (int) (length * 0.25f);
        int symbols = s.symbols != null ? s.symbols : (int) (length * 0.25f);
        if (digits < 0 || symbols < 0) {
            throw new GeneratorException("digits and symbols must not be negative");
        }
        String symbolSet =
                s.symbolCharacters == null || s.symbolCharacters.isEmpty() ? DEFAULT_SYMBOLS : s.symbolCharacters;
        boolean noUpper = Boolean.TRUE.equals(s.noUpper);
        boolean allowRepeat = Boolean.TRUE.equals(s.allowRepeat);
        String letters = noUpper ? LOWER : LOWER + UPPER;
        int letterCount = length - digits - symbols;
        if (letterCount < 0) {
            throw new GeneratorException("number of digits and symbols must be less than total length");
        }
        if (!allowRepeat && letterCount > distinct(letters)) {
            throw new GeneratorException("number of letters exceeds available letters and repeats are not allowed");
        }
        if (!allowRepeat && digits > DIGITS.length()) {
            throw new GeneratorException("number of digits exceeds available digits and repeats are not allowed");
        }
        if (!allowRepeat && symbols > distinct(symbolSet)) {
            throw new GeneratorException("number of symbols exceeds available symbols and repeats are not allowed");
        }
        StringBuilder result = new StringBuilder(length);
        add(result, letters, letterCount, allowRepeat);
        add(result, DIGITS, digits, allowRepeat);
        add(result, symbolSet, symbols, allowRepeat);
        return result.toString();
    }

    private void add(StringBuilder result, String alphabet, int count, boolean allowRepeat) {
        int[] codePoints = alphabet.codePoints().toArray();
        for (int added = 0; added < count; ) {
            String pick = Character.toString(codePoints[random.nextInt(codePoints.length)]);
            if (!allowRepeat && result.indexOf(pick) >= 0) {
                continue;
            }
            result.insert(insertionPoint(result), pick);
            added++;
        }
    }

    /** A random position between characters (never inside a surrogate pair). */
    private int insertionPoint(StringBuilder result) {
        int codePoints = result.codePointCount(0, result.length());
        return result.offsetByCodePoints(0, random.nextInt(codePoints + 1));
    }

    private static int distinct(String alphabet) {
        return (int) alphabet.codePoints().distinct().count();
    }

    private static byte[] encode(String password, String encoding) {
        byte[] raw = password.getBytes(StandardCharsets.UTF_8);
        return switch (encoding == null ? "raw" : encoding) {
            case "base64" -> Base64.getEncoder().encode(raw);
            case "base64url" -> Base64.getUrlEncoder().encode(raw);
            case "base32" -> Base32.encode(raw).getBytes(StandardCharsets.US_ASCII);
            case "hex" -> HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
            default -> raw;
        };
    }
}
