package io.sluice.template.functions;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where Go's encoding/json differs from Jackson's defaults: float format, HTML escaping, indentation, number types. */
final class GoJson {
    /** json.MarshalIndent(v, "", "  "): two spaces, "key": value, arrays one element a line. */
    static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private GoJson() {}

    /** json.Marshal escapes <, > and & (and U+2028, U+2029) as \\u003c...; they only occur inside strings. */
    static String escapeHtml(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }

    /** encoding/json's float64: shortest digits, plain from 1e-6 to below 1e21, else 1e+21 / 1e-7. */
    static String formatFloat(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new FunctionFailure("toJson", "unsupported value: " + (Double.isNaN(value) ? "NaN" : "Inf"));
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        double abs = Math.abs(value);
        BigDecimal exact = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String sign = value < 0 ? "-" : "";
        if (abs >= 1e-6 && abs < 1e21) {
            return sign + exact.toPlainString();
        }
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - exact.scale() - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** Go unmarshals every JSON number into float64: 12345678 then prints as 1.2345678e+07, as in ESO. */
    static Object numbersAsFloat64(Object value) {
        return switch (value) {
            case Integer i -> i.doubleValue();
            case Long l -> l.doubleValue();
            case BigInteger b -> b.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, numbersAsFloat64(v)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(v -> out.add(numbersAsFloat64(v)));
                yield out;
            }
            case null -> null;
            default -> value;
        };
    }
}
