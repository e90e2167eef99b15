package io.sluice.template.functions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** How Go's fmt prints a template value with %v: floats in shortest form, maps sorted, lists in brackets. */
public final class GoValues {
    private GoValues() {}

    public static String print(Object value) {
        return switch (value) {
            case null -> "<no value>";
            case Double d -> GoValues.printFloat(d);
            case Float f -> GoValues.printFloat(f.doubleValue());
            case Map<?, ?> map -> printMap(map);
            case Collection<?> items -> printList(items);
            case ZonedDateTime time -> GoTime.print(time);
            case Duration duration -> GoDuration.print(duration);
            default -> Args.text(value);
        };
    }

    private static String printMap(Map<?, ?> map) {
        StringBuilder out = new StringBuilder("map[");
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(Args.text(k), v));
        sorted.forEach((k, v) ->
                out.append(out.length() > 4 ? " " : "").append(k).append(':').append(print(v)));
        return out.append(']').toString();
    }

    private static String printList(Collection<?> items) {
        StringBuilder out = new StringBuilder("[");
        for (Object item : items) {
            out.append(out.length() > 1 ? " " : "").append(print(item));
        }
        return out.append(']').toString();
    }

    /** strconv.FormatFloat(f, 'g', -1, 64): the shortest digits, exponent form below 1e-4 or from 1e6 (Go prints 1e+06). */
    static String printFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - exact.scale() - 1;
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + exact.toPlainString();
    }
}
