package io.sluice.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.kube.SecretData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data a PushSecret pushes: one Secret by name, or every Secret of the namespace matching a label selector
 * (merged, later names win), as {@link PushSourceWatch} holds them. Empty when no source Secret exists.
 */
final class PushSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> data;
    private final boolean found;

    private PushSource(Map<String, byte[]> data, boolean found) {
        this.data = data;
        this.found = found;
    }

    /** @param secrets the source Secrets, in the order they merge (later names win) */
    static PushSource from(List<Secret> secrets) {
        Map<String, byte[]> merged = new TreeMap<>();
        secrets.forEach(s -> merged.putAll(SecretData.decode(s)));
        return new PushSource(merged, !secrets.isEmpty());
    }

    static PushSource of(Map<String, byte[]> data) {
        return new PushSource(new TreeMap<>(data), true);
    }

    boolean found() {
        return found;
    }

    Map<String, byte[]> data() {
        return data;
    }

    /** The value of one entry: the named key, or all keys as one JSON object of strings (ESO's rule). */
    byte[] valueFor(PushSecretData entry) {
        String key = entry.match.secretKey;
        if (key != null && !key.isEmpty()) {
            byte[] value = data.get(key);
            if (value == null) {
                throw new PushException("secret key " + key + " does not exist in the source secret");
            }
            return value;
        }
        Map<String, String> strings = new TreeMap<>();
        data.forEach((k, v) -> strings.put(k, new String(v, StandardCharsets.UTF_8)));
        try {
            return JSON.writeValueAsBytes(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serialises", e);
        }
    }
}
