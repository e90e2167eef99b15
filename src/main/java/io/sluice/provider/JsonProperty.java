package io.sluice.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sets or removes one property of a JSON object stored remotely, keeping the other fields (PushSecret's
 * {@code remoteRef.property}). A dotted property ({@code db.password}) addresses nested objects, created as
 * needed. Error messages never contain the values.
 */
public final class JsonProperty {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_PATH_KEYS = 999;

    private JsonProperty() {}

    /** The object {@code current} (empty when null) with {@code property} set to {@code value} as a string. */
    public static byte[] set(byte[] current, String property, byte[] value, String remoteKey) {
        String[] path = path(property);
        ObjectNode root = parse(current, remoteKey);
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(path[i]);
            }
            parent = (ObjectNode) child;
        }
        parent.put(path[path.length - 1], new String(value, StandardCharsets.UTF_8));
        return write(root);
    }

    /** The object without {@code property}, or null when nothing is left. */
    public static byte[] remove(byte[] current, String property, String remoteKey) {
        String[] path = path(property);
        ObjectNode root = parse(current, remoteKey);
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1 && parent != null; i++) {
            parent = parent.get(path[i]) instanceof ObjectNode o ? o : null;
        }
        if (parent != null) {
            parent.remove(path[path.length - 1]);
        }
        return root.isEmpty() ? null : write(root);
    }

    /** True when both are JSON and equal as JSON (field order and spacing ignored), or byte-equal. */
    public static boolean sameJson(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The dotted path's keys; an empty one ({@code "."}, {@code "a..b"}, {@code "a."}) names no field, and a path
     * deeper than the JSON writer's nesting limit (1000 levels, the root object included) cannot be written.
     */
    private static String[] path(String property) {
        String[] keys = property.split("\\.", -1);
        if (keys.length > MAX_PATH_KEYS) {
            throw new ProviderConfigurationException("property \"" + property.substring(0, 40)
                    + "...\" is not a valid path:" + " it has more than " + MAX_PATH_KEYS + " keys");
        }
        for (String key : keys) {
            if (key.isEmpty()) {
                throw new ProviderConfigurationException(
                        "property \"" + property + "\" is not a valid path: it has an empty key");
            }
        }
        return keys;
    }

    private static ObjectNode parse(byte[] current, String remoteKey) {
        if (current == null || current.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            if (JSON.readTree(current) instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below without the parser's message, which may quote the value
        }
        throw new ProviderConfigurationException(
                "the value of " + remoteKey + " is not a JSON object: a property cannot be set in it");
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
