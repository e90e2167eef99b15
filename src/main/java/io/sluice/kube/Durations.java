package io.sluice.kube;

import java.time.Duration;
import java.util.Map;

/**
 * Parses Go duration strings ({@code 1h0m0s}, {@code 15s}, {@code 1.5h}, {@code 0}) as used in ESO manifests,
 * with Go's {@code time.ParseDuration} arithmetic: whole nanoseconds, and a value beyond Go's range
 * (about 292 years, {@code 2562047h47m16.854775807s}) is refused instead of wrapping around. Negative
 * durations, which Go accepts, are refused too: no Sluice interval can be negative.
 */
public final class Durations {
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "\u00b5s",
            1_000L,
            "\u03bcs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);

    private Durations() {}

    /** @throws IllegalArgumentException naming the text when it is malformed, negative or out of range */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0;
        int i = 0;
        try {
            while (i < s.length()) {
                int intStart = i;
                long whole = 0;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    whole = Math.addExact(Math.multiplyExact(whole, 10), s.charAt(i++) - '0');
                }
                boolean hasWhole = i > intStart;
                long fraction = 0;
                double scale = 1;
                boolean hasFraction = false;
                if (i < s.length() && s.charAt(i) == '.') {
                    int fractionStart = ++i;
                    for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                        if (fraction <= (Long.MAX_VALUE - 9) / 10) { // later digits are below a nanosecond
                            fraction = fraction * 10 + (s.charAt(i) - '0');
                            scale *= 10;
                        }
                    }
                    hasFraction = i > fractionStart;
                }
                if (!hasWhole && !hasFraction) {
                    throw invalid(text);
                }
                int unitStart = i;
                while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                    i++;
                }
                Long unit = UNIT_NANOS.get(s.substring(unitStart, i));
                if (unit == null) {
                    throw invalid(text);
                }
                long part = Math.addExact(Math.multiplyExact(whole, unit), (long) (fraction * (unit / scale)));
                total = Math.addExact(total, part);
            }
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too large (at most "
                    + format(Duration.ofNanos(Long.MAX_VALUE)) + ")");
        }
        if (negative && total > 0) {
            throw new IllegalArgumentException("duration \"" + text + "\" is negative");
        }
        return Duration.ofNanos(total);
    }

    /** A positive interval below {@code minimum} is raised to it; zero ("once") stays zero. */
    public static Duration atLeast(Duration minimum, Duration interval) {
        return interval.isZero() || interval.compareTo(minimum) >= 0 ? interval : minimum;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }

    /** Go-style rendering used in messages: {@code 1h0m0s}, {@code 30s}. */
    public static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        return m > 0 ? m + "m" + s + "s" : s + "s";
    }
}
