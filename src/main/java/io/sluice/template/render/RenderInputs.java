package io.sluice.template.render;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sluice.api.v1.ExternalSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the render command's files: the ExternalSecret manifest and maps of values (YAML or JSON). */
final class RenderInputs {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RenderInputs() {}

    /** The first document of kind ExternalSecret in the file. */
    static ExternalSecret externalSecret(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null
                        && "ExternalSecret".equals(document.path("kind").asText())) {
                    return YAML.treeToValue(document, ExternalSecret.class);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException(parseError(file, e));
        }
        throw new IOException(file + " holds no document of kind ExternalSecret");
    }

    /**
     * A map of key to value. Strings are taken as they are; numbers and booleans as their text;
     * nested objects and lists as JSON, the way ESO stores a JSON property.
     */
    static Map<String, byte[]> values(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(parseError(file, e));
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " must hold a map of keys to values");
        }
        Map<String, byte[]> values = new LinkedHashMap<>();
        root.properties()
                .forEach(entry ->
                        values.put(entry.getKey(), text(entry.getValue()).getBytes(StandardCharsets.UTF_8)));
        return values;
    }

    static Map<String, String> strings(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        values(file).forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    /**
     * Where the file is broken, never what is there: Jackson's and SnakeYAML's messages quote the offending line,
     * which in a values file is a secret.
     */
    static String parseError(Path file, JsonProcessingException e) {
        StringBuilder text = new StringBuilder(file.toString());
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            text.append(" (line ")
                    .append(at.getLineNr())
                    .append(", column ")
                    .append(at.getColumnNr())
                    .append(')');
        }
        if (e instanceof JsonMappingException mapping) {
            String path = fieldPath(mapping);
            return text.append(": does not match the ExternalSecret schema")
                    .append(path.isEmpty() ? "" : " at " + path)
                    .toString();
        }
        return text.append(": not valid YAML or JSON").toString();
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String text(JsonNode node) {
        if (node.isValueNode()) {
            return node.isNull() ? "" : node.asText();
        }
        return node.toString();
    }
}
