package io.sluice.template.functions;

import java.math.BigInteger;
import java.util.Locale;

/** sprig's lenient conversions (spf13/cast): a value that does not convert is 0, never an error. */
final class Numbers {
    private Numbers() {}

    static long toInt64(Object value) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> b ? 1 : 0;
            case Double d -> (long) d.doubleValue();
            case Float f -> (long) f.floatValue();
            case Number n -> n.longValue();
            default -> parseInt(trimZeroDecimal(Args.text(value).trim()));
        };
    }

    static double toFloat64(Object value) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.doubleValue();
            default -> {
                String text = Args.text(value).trim();
                try {
                    yield text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(?i:inf|infinity|nan)")
                            ? Double.parseDouble(text.replaceAll("(?i)inf(inity)?", "Infinity"))
                            : 0;
                } catch (NumberFormatException e) {
                    yield 0;
                }
            }
        };
    }

    /** strconv.Atoi: base 10 only; anything else is 0 (sprig ignores the error). */
    static long atoi(Object value) {
        String text = Args.text(value);
        return text.matches("[-+]?\\d{1,19}") ? parseOrZero(text, 10) : 0;
    }

    /** strconv.ParseInt(s, 0, 64): 0x, 0o, 0b and a leading 0 (octal) select the base. */
    static long parseInt(String text) {
        String sign = text.startsWith("-") || text.startsWith("+") ? text.substring(0, 1) : "";
        String digits = text.substring(sign.length()).replace("_", "");
        int radix = 10;
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 64) {
            return 0;
        }
        return parseOrZero((sign.equals("-") ? "-" : "") + digits, radix);
    }

    private static long parseOrZero(String digits, int radix) {
        try {
            BigInteger parsed = new BigInteger(digits, radix);
            return parsed.bitLength() < 64 ? parsed.longValue() : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** cast strips a fractional part made only of zeros: "12.00" is 12. */
    private static String trimZeroDecimal(String text) {
        int dot = text.indexOf('.');
        return dot > 0 && text.substring(dot + 1).matches("0*") ? text.substring(0, dot) : text;
    }
}
