package io.sluice.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.generators.PasswordSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Every rule of ESO's Password generator (sethvargo/go-password underneath), on many random draws. */
class PasswordGeneratorTest {
    private final PasswordGenerator generator = new PasswordGenerator();

    private static PasswordSpec spec() {
        return new PasswordSpec();
    }

    private static long count(String s, String alphabet) {
        return s.codePoints().filter(c -> alphabet.indexOf(c) >= 0).count();
    }

    private static boolean hasRepeats(String s) {
        return s.codePoints().distinct().count() != s.codePointCount(0, s.length());
    }

    @RepeatedTest(50)
    void defaultsAre24CharactersWithSixDigitsSixSymbolsAndNoRepeats() {
        String password = generator.password(spec());
        assertEquals(24, password.length());
        assertEquals(6, count(password, PasswordGenerator.DIGITS));
        assertEquals(6, count(password, PasswordGenerator.DEFAULT_SYMBOLS));
        assertEquals(12, count(password, PasswordGenerator.LOWER + PasswordGenerator.UPPER));
        assertFalse(hasRepeats(password), password.length() + " characters with a repeat");
    }

    @Test
    void aQuarterOfTheLengthIsDigitsAndAQuarterSymbolsRoundedDown() {
        PasswordSpec s = spec();
        s.length = 10;
        String password = generator.password(s);
        assertEquals(10, password.length());
        assertEquals(2, count(password, PasswordGenerator.DIGITS));
        assertEquals(2, count(password, PasswordGenerator.DEFAULT_SYMBOLS));
    }

    @RepeatedTest(20)
    void explicitDigitsSymbolsAndSymbolCharacters() {
        PasswordSpec s = spec();
        s.length = 20;
        s.digits = 5;
        s.symbols = 3;
        s.symbolCharacters = "-_";
        s.allowRepeat = true;
        String password = generator.password(s);
        assertEquals(5, count(password, PasswordGenerator.DIGITS));
        assertEquals(3, count(password, "-_"));
        assertEquals(
                0,
                count(
                        password,
                        PasswordGenerator.DEFAULT_SYMBOLS.replace("-", "").replace("_", "")));
        assertEquals(12, count(password, PasswordGenerator.LOWER + PasswordGenerator.UPPER));
    }

    @Test
    void zeroDigitsAndSymbolsGiveLettersOnly() {
        PasswordSpec s = spec();
        s.length = 40;
        s.digits = 0;
        s.symbols = 0;
        String password = generator.password(s);
        assertEquals(40, count(password, PasswordGenerator.LOWER + PasswordGenerator.UPPER));
    }

    @RepeatedTest(20)
    void noUpperLeavesOutUpperCase() {
        PasswordSpec s = spec();
        s.noUpper = true;
        s.length = 32;
        String password = generator.password(s);
        assertEquals(0, count(password, PasswordGenerator.UPPER));
        assertEquals(16, count(password, PasswordGenerator.LOWER));
    }

    @Test
    void upperCaseIsUsedByDefault() {
        PasswordSpec s = spec();
        s.length = 60;
        s.digits = 0;
        s.symbols = 0;
        s.allowRepeat = true;
        Set<Boolean> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(count(generator.password(s), PasswordGenerator.UPPER) > 0);
        }
        assertTrue(seen.contains(true));
    }

    @Test
    void withoutAllowRepeatEveryCharacterIsDistinctUpToTheWholeAlphabet() {
        PasswordSpec s = spec();
        s.length = 52 + 10 + PasswordGenerator.DEFAULT_SYMBOLS.length();
        s.digits = 10;
        s.symbols = PasswordGenerator.DEFAULT_SYMBOLS.length();
        String password = generator.password(s);
        assertFalse(hasRepeats(password));
        assertEquals(s.length, password.length());
    }

    @Test
    void allowRepeatPermitsMoreCharactersThanTheAlphabetHas() {
        PasswordSpec s = spec();
        s.length = 200;
        s.digits = 50;
        s.symbols = 50;
        s.allowRepeat = true;
        String password = generator.password(s);
        assertEquals(200, password.length());
        assertTrue(hasRepeats(password));
    }

    @Test
    void refusesWhatGoPasswordRefuses() {
        PasswordSpec tooMany = spec();
        tooMany.length = 4;
        tooMany.digits = 3;
        tooMany.symbols = 2;
        assertEquals(
                "number of digits and symbols must be less than total length",
                assertThrows(GeneratorException.class, () -> generator.password(tooMany))
                        .getMessage());

        PasswordSpec letters = spec();
        letters.length = 30;
        letters.digits = 0;
        letters.symbols = 0;
        letters.noUpper = true;
        assertEquals(
                "number of letters exceeds available letters and repeats are not allowed",
                assertThrows(GeneratorException.class, () -> generator.password(letters))
                        .getMessage());

        PasswordSpec digits = spec();
        digits.length = 40;
        digits.digits = 11;
        assertEquals(
                "number of digits exceeds available digits and repeats are not allowed",
                assertThrows(GeneratorException.class, () -> generator.password(digits))
                        .getMessage());

        PasswordSpec symbols = spec();
        symbols.length = 10;
        symbols.symbols = 3;
        symbols.symbolCharacters = "ab";
        assertEquals(
                "number of symbols exceeds available symbols and repeats are not allowed",
                assertThrows(GeneratorException.class, () -> generator.password(symbols))
                        .getMessage());
    }

    @Test
    void tenantLengthIsBounded() {
        PasswordSpec s = spec();
        s.length = PasswordSpec.MAX_LENGTH;
        s.allowRepeat = true;
        assertEquals(PasswordSpec.MAX_LENGTH, generator.password(s).length());
        s.length = PasswordSpec.MAX_LENGTH + 1;
        assertTrue(assertThrows(GeneratorException.class, () -> generator.password(s))
                .getMessage()
                .contains("exceeds the limit of 1024"));
    }

    @Test
    void digitsAndSymbolsAreSpreadThroughThePassword() {
        PasswordSpec s = spec();
        Set<Integer> digitPositions = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = generator.password(s);
            for (int p = 0; p < password.length(); p++) {
                if (Character.isDigit(password.charAt(p))) {
                    digitPositions.add(p);
                }
            }
        }
        assertEquals(24, digitPositions.size(), "digits were inserted at random places: " + digitPositions);
    }

    @Test
    void eachCallDrawsANewPassword() {
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            drawn.add(generator.password(spec()));
        }
        assertEquals(100, drawn.size());
    }

    @Test
    void theSourceIsTheInjectedRandomSoASeededOneRepeats() {
        String a = new PasswordGenerator(new SplittableRandom(7)).password(spec());
        String b = new PasswordGenerator(new SplittableRandom(7)).password(spec());
        assertEquals(a, b);
    }

    @Test
    void secretKeysGetOnePasswordEachAndDefaultToPassword() {
        assertEquals(Set.of("password"), generator.generate(spec()).keySet());
        PasswordSpec s = spec();
        s.secretKeys = List.of("a", "b");
        Map<String, byte[]> out = generator.generate(s);
        assertEquals(Set.of("a", "b"), out.keySet());
        assertFalse(new String(out.get("a"), StandardCharsets.UTF_8)
                .equals(new String(out.get("b"), StandardCharsets.UTF_8)));
        s.secretKeys = List.of("a", "a");
        assertThrows(GeneratorException.class, () -> generator.generate(s));
        s.secretKeys = List.of("");
        assertThrows(GeneratorException.class, () -> generator.generate(s));
    }

    @Test
    void encodings() {
        PasswordSpec s = spec();
        s.length = 12;
        for (String encoding : List.of("raw", "base64", "base64url", "base32", "hex")) {
            s.encoding = encoding;
            byte[] encoded = generator.generate(s).get("password");
            String text = new String(encoded, StandardCharsets.US_ASCII);
            byte[] raw = switch (encoding) {
                case "base64" -> Base64.getDecoder().decode(text);
                case "base64url" -> Base64.getUrlDecoder().decode(text);
                case "hex" -> HexFormat.of().parseHex(text);
                case "base32" -> {
                    assertTrue(text.matches("[A-Z2-7]{20}={4}"), text.length() + " base32 characters");
                    yield new byte[12];
                }
                default -> encoded;
            };
            assertEquals(12, raw.length, encoding);
        }
    }

    @Test
    void base32IsRfc4648() {
        String[][] vectors = {
            {"", ""},
            {"f", "MY======"},
            {"fo", "MZXQ===="},
            {"foo", "MZXW6==="},
            {"foob", "MZXW6YQ="},
            {"fooba", "MZXW6YTB"},
            {"foobar", "MZXW6YTBOI======"}
        };
        for (String[] v : vectors) {
            assertEquals(v[1], Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII)), v[0]);
        }
        assertArrayEquals(new byte[0], Base32.encode(new byte[0]).getBytes(StandardCharsets.US_ASCII));
    }
}
