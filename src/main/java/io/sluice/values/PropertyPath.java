package io.sluice.values;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * {@code remoteRef.property}: selects one value inside a JSON remote value with the subset of gjson paths
 * ESO users rely on.
 *
 * <p>Supported: {@code a.b} (nested keys), {@code friends.1.first} (zero-based array index), {@code \}
 * escaping the next character ({@code a\.b} is the key {@code "a.b"}), and {@code friends.#} (array
 * length). A property containing a dot is first tried as one literal top-level key, then as a path, as
 * ESO's AWS provider does. Not supported, rejected with a clear error: wildcards ({@code *}, {@code ?}),
 * queries ({@code #(...)}, {@code friends.#.first}), modifiers ({@code @reverse}) and pipes ({@code |}).
 *
 * <p>Results follow gjson's {@code String()}: a string is unquoted, an object or array keeps its JSON
 * text exactly, integers keep their spelling, other numbers are printed shortest (Go's
 * {@code FormatFloat(f, 'f', -1, 64)}), {@code null} becomes empty.
 */
public final class PropertyPath {

    private PropertyPath() {}

    /** The selected value's bytes, or {@code value} itself when no property is set. */
    public static byte[] select(String remoteKey, byte[] value, String property) {
        if (property == null || property.isEmpty()) {
            return value;
        }
        return select(remoteKey, new String(value, StandardCharsets.UTF_8), property)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The selected value's text; {@code json} itself when no property is set. */
    public static String select(String remoteKey, String json, String property) {
        if (property == null || property.isEmpty()) {
            return json;
        }
        try {
            String literal = property.contains(".") ? lookup(json, GjsonPath.literalKey(property)) : null;
            if (literal != null) {
                return literal;
            }
            String found = lookup(json, parseOrLiteral(json, property));
            if (found == null) {
                throw new ExtractionException.InvalidProperty(
                        "key " + property + " does not exist in secret " + remoteKey);
            }
            return found;
        } catch (JsonProcessingException notJson) {
            throw new ExtractionException.InvalidProperty("secret " + remoteKey + " is " + JsonText.problem(notJson)
                    + ", so property " + property + " cannot be selected");
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory string failed", e);
        }
    }

    /** The parsed path; a property with unsupported syntax is still accepted when it is a literal key. */
    private static GjsonPath parseOrLiteral(String json, String property) throws IOException {
        GjsonPath path = GjsonPath.parse(property);
        if (path != null) {
            return path;
        }
        if (lookup(json, GjsonPath.literalKey(property)) != null) {
            return GjsonPath.literalKey(property);
        }
        throw new ExtractionException.InvalidProperty("property " + property
                + " uses gjson syntax Sluice does not support (wildcards, queries, modifiers or pipes)");
    }

    /** The gjson text of the value at {@code path}, or null when there is none. */
    private static String lookup(String json, GjsonPath path) throws IOException {
        try (JsonParser parser = JsonText.open(json)) {
            if (parser.currentToken() == null) {
                throw new JsonParseException(parser, "no JSON value");
            }
            for (String key : path.keys()) {
                if (!descend(parser, key)) {
                    return null;
                }
            }
            if (path.endsWithArrayLength()) {
                return parser.currentToken() == JsonToken.START_ARRAY ? Integer.toString(countElements(parser)) : null;
            }
            return gjsonString(parser, json);
        }
    }

    /** Moves the parser onto the member or element named {@code name} of the current container. */
    private static boolean descend(JsonParser parser, String name) throws IOException {
        JsonToken container = parser.currentToken();
        if (container == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = parser.currentName().equals(name);
                parser.nextToken();
                if (match) {
                    return true;
                }
                parser.skipChildren();
            }
            return false;
        }
        if (container == JsonToken.START_ARRAY
                && !name.isEmpty()
                && name.chars().allMatch(Character::isDigit)) {
            long index = name.length() > 9 ? Long.MAX_VALUE : Long.parseLong(name);
            for (long i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                if (i == index) {
                    return true;
                }
                parser.skipChildren();
            }
        }
        return false;
    }

    private static int countElements(JsonParser parser) throws IOException {
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }

    private static String gjsonString(JsonParser parser, String json) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> "";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> goNumber(parser.getText());
            default -> JsonText.rawValue(parser, json);
        };
    }

    /** gjson prints integers as written and any other number like Go's {@code FormatFloat(f, 'f', -1, 64)}. */
    static String goNumber(String raw) {
        if (raw.matches("-?[0-9]+")) {
            return raw;
        }
        double number = Double.parseDouble(raw);
        if (Double.isInfinite(number)) {
            return number > 0 ? "+Inf" : "-Inf";
        }
        if (number == 0) {
            return 1 / number < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }
}
