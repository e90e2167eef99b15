package io.sluice.template.functions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.Duration: String() ("1h2m3s", "1.5s", "500ms") and ParseDuration ("-1h30m", "300ms"). */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d*\\.?\\d*)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "µs",
            1_000L,
            "μs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);

    private GoDuration() {}

    static String print(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        BigDecimal abs = BigDecimal.valueOf(nanos).abs();
        if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
            String unit = abs.longValue() < 1_000 ? "ns" : abs.longValue() < 1_000_000 ? "µs" : "ms";
            long scale = unit.equals("ns") ? 1 : unit.equals("µs") ? 1_000 : 1_000_000;
            return sign + decimal(abs, scale) + unit;
        }
        long total = abs.longValue();
        long hours = total / 3_600_000_000_000L;
        long minutes = total / 60_000_000_000L % 60;
        BigDecimal seconds = BigDecimal.valueOf(total % 60_000_000_000L);
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(seconds, 1_000_000_000L)).append('s').toString();
    }

    private static String decimal(BigDecimal nanos, long scale) {
        BigDecimal value = nanos.divide(BigDecimal.valueOf(scale)).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /** time.ParseDuration; empty when the text is not a Go duration. */
    static Optional<Duration> parse(String text) {
        String rest = text;
        boolean negative = false;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            negative = rest.startsWith("-");
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (rest.isEmpty() || rest.length() > 64) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(rest);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < rest.length()) {
            if (!m.find(at)
                    || m.start() != at
                    || m.group(1).isEmpty()
                    || m.group(1).equals(".")) {
                return Optional.empty();
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT_NANOS.get(m.group(2)))));
            at = m.end();
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        long value = nanos.longValue();
        return Optional.of(Duration.ofNanos(negative ? -value : value));
    }
}
