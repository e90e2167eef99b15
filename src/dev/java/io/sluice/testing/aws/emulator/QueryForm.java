package io.sluice.testing.aws.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A form-encoded AWS query request, with the {@code Name.member.N[.Field]} list convention. */
final class QueryForm {

    private final Map<String, String> fields = new LinkedHashMap<>();

    QueryForm(String body) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    String get(String name) {
        return fields.get(name);
    }

    Integer integer(String name) {
        String value = fields.get(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw AwsError.badRequest("ValidationError", "Value '" + value + "' at '" + name + "' is not a number");
        }
    }

    List<String> list(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; fields.containsKey(name + ".member." + i); i++) {
            values.add(fields.get(name + ".member." + i));
        }
        return values;
    }

    Map<String, String> keyValues(String name) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 1; fields.containsKey(name + ".member." + i + ".Key"); i++) {
            pairs.put(
                    fields.get(name + ".member." + i + ".Key"),
                    fields.getOrDefault(name + ".member." + i + ".Value", ""));
        }
        return pairs;
    }
}
