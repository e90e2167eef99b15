package io.sluice.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Sets or removes one property of a JSON object stored remotely, keeping the other fields (PushSecret's
 * {@code remoteRef.property}). A dotted property ({@code db.password}) addresses nested objects, created as
 * needed. Error messages never contain the values.
 */
public final class JsonProperty {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonProperty() {
    }

    /** The object {@code current} (empty when null) with {@code property} set to {@code value} as a string. */
    public static byte[] set(byte[] current, String property, byte[] value, String remoteKey) {
        ObjectNode root = parse(current, remoteKey);
        String[] path = property.split("\\.");
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
        ObjectNode root = parse(current, remoteKey);
        String[] path = property.split("\\.");
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
        if (java.util.Arrays.equals(a, b)) {
            return true;
        }
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static ObjectNode parse(byte[] current, String remoteKey) {
        if (current == null || current.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            if (JSON.readTree(current) instanceof ObjectNode object) {
                return object;
            }
        } catch (java.io.IOException e) {
            // reported below without the parser's message, which may quote the value
        }
        throw new ProviderConfigurationException("the value of " + remoteKey
                + " is not a JSON object: a property cannot be set in it");
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
