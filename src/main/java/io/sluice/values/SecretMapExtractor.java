package io.sluice.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dataFrom[].extract}: turns a JSON object into Secret entries, as ESO's {@code GetSecretMap} does.
 * The optional {@code property} is applied first (so it may select a nested object, or a string that holds
 * JSON). String members become their unquoted text, {@code null} becomes empty (Go's unmarshal of null into
 * a string), every other member keeps its JSON text exactly. A duplicated member keeps the last value and
 * a top-level {@code null} gives no entries, like Go's {@code json.Unmarshal}.
 */
public final class SecretMapExtractor {

    private SecretMapExtractor() {}

    /** The members of the (selected) JSON object, in document order. */
    public static Map<String, byte[]> extract(String remoteKey, byte[] value, String property) {
        String json = PropertyPath.select(remoteKey, new String(value, StandardCharsets.UTF_8), property);
        try (JsonParser parser = JsonText.open(json)) {
            JsonToken root = parser.currentToken();
            Map<String, byte[]> members = new LinkedHashMap<>();
            if (root == null) {
                throw notAnObject(remoteKey, "not valid JSON");
            }
            if (root == JsonToken.START_OBJECT) {
                readMembers(parser, json, members);
            } else if (root != JsonToken.VALUE_NULL) {
                throw notAnObject(remoteKey, "a JSON " + JsonText.kind(root));
            }
            if (parser.nextToken() != null) {
                throw notAnObject(remoteKey, "not a single JSON value");
            }
            return members;
        } catch (JsonProcessingException notJson) {
            throw notAnObject(remoteKey, JsonText.problem(notJson));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory string failed", e);
        }
    }

    private static void readMembers(JsonParser parser, String json, Map<String, byte[]> members) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            String text = switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NULL -> "";
                default -> JsonText.rawValue(parser, json);
            };
            members.remove(name);
            members.put(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ExtractionException notAnObject(String remoteKey, String what) {
        return new ExtractionException.InvalidJson("unable to unmarshal secret " + remoteKey + ": the value is " + what
                + ", dataFrom.extract needs a JSON object");
    }
}
