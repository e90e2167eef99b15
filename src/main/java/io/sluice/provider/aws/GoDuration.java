package io.sluice.provider.aws;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Go duration strings ({@code 300ms}, {@code 1.5s}, {@code 1m30s}), the syntax of ESO's duration fields. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /** @throws IllegalArgumentException when the text is not a non-negative Go duration */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos += Math.round(Double.parseDouble(m.group(1)) * nanosPerUnit(m.group(2)));
            end = m.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("invalid duration " + text);
        }
        return Duration.ofNanos(nanos);
    }

    private static long nanosPerUnit(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
