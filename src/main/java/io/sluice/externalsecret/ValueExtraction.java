package io.sluice.externalsecret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.RemoteRef;
import io.sluice.provider.RemoteSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns raw remote values into Secret keys and values: property selection, JSON extraction, key rewrites. */
final class ValueExtraction {
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] value(RemoteRef ref, RemoteSecret raw) {
        if (ref.property == null || ref.property.isEmpty()) {
            return raw.value();
        }
        JsonNode node = parse(ref, raw).get(ref.property);
        if (node == null) {
            throw new SyncException("SecretSyncedError", "key " + ref.property + " does not exist in secret " + ref.key);
        }
        return (node.isTextual() ? node.asText() : node.toString()).getBytes(StandardCharsets.UTF_8);
    }

    Map<String, byte[]> extract(RemoteRef ref, RemoteSecret raw) {
        JsonNode root = parse(ref, raw);
        Map<String, byte[]> result = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> result.put(e.getKey(),
                (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()).getBytes(StandardCharsets.UTF_8)));
        return result;
    }

    Map<String, byte[]> found(ExternalSecretFind find, Map<String, RemoteSecret> found) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        found.forEach((name, value) -> result.put(name.replaceAll("[^-._a-zA-Z0-9]", "_"), value.value()));
        return result;
    }

    Map<String, byte[]> rewrite(ExternalSecretDataFrom entry, Map<String, byte[]> values) {
        return values;
    }

    private static JsonNode parse(RemoteRef ref, RemoteSecret raw) {
        try {
            JsonNode node = JSON.readTree(raw.value());
            if (node == null || !node.isObject()) {
                throw new SyncException("SecretSyncedError", "secret " + ref.key + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new SyncException("SecretSyncedError", "secret " + ref.key + " is not valid JSON");
        }
    }
}
