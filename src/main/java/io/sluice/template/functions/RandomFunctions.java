package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimitExceeded;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * sprig's random values: randAlphaNum, randAlpha, randNumeric, randAscii, randBytes, randInt, uuidv4
 * and shuffle, from a SecureRandom. The requested length is checked before anything is generated.
 * A template using them renders differently each time, so the Secret changes on every refresh.
 */
final class RandomFunctions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private RandomFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("randAlphaNum", "randAlphaNum COUNT", n -> random("randAlphaNum", n, LETTERS + DIGITS));
        library.one("randAlpha", "randAlpha COUNT", n -> random("randAlpha", n, LETTERS));
        library.one("randNumeric", "randNumeric COUNT", n -> random("randNumeric", n, DIGITS));
        library.one("randAscii", "randAscii COUNT", n -> random("randAscii", n, printableAscii()));
        library.one("randBytes", "randBytes COUNT", n -> {
            byte[] bytes = new byte[count("randBytes", n)];
            RANDOM.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        });
        library.two("randInt", "randInt MIN MAX", (min, max) -> {
            long low = Numbers.toInt64(min);
            long high = Numbers.toInt64(max);
            if (high <= low) {
                throw new FunctionFailure("randInt", "MAX must be greater than MIN");
            }
            return low + RANDOM.nextLong(high - low);
        });
        library.add(new FunctionSpec(
                "uuidv4", 0, 0, "uuidv4", args -> UUID.randomUUID().toString()));
        library.one("shuffle", "shuffle VALUE", v -> {
            List<Integer> points =
                    new ArrayList<>(Args.text(v).codePoints().boxed().toList());
            Collections.shuffle(points, RANDOM);
            StringBuilder out = new StringBuilder();
            points.forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    private static int count(String function, Object n) {
        int count = Args.integer(function, n);
        if (count < 0) {
            throw new FunctionFailure(function, "the count must not be negative");
        }
        TemplateLimitExceeded.checkResultSize("function " + function, count);
        return count;
    }

    private static String random(String function, Object n, String alphabet) {
        int count = count(function, n);
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String printableAscii() {
        StringBuilder out = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            out.append(c);
        }
        return out.toString();
    }
}
