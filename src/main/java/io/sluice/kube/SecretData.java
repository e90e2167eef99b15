package io.sluice.kube;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Converts between a Secret's base64 {@code data}/{@code stringData} and raw bytes. */
public final class SecretData {
    private SecretData() {}

    public static Map<String, byte[]> decode(Secret secret) {
        Map<String, byte[]> result = new TreeMap<>();
        if (secret == null) {
            return result;
        }
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> result.put(k, Base64.getDecoder().decode(v == null ? "" : v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> result.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    public static Map<String, String> encode(Map<String, byte[]> data) {
        Map<String, String> result = new LinkedHashMap<>();
        new TreeMap<>(data).forEach((k, v) -> result.put(k, Base64.getEncoder().encodeToString(v)));
        return result;
    }

    public static boolean sameData(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (var e : a.entrySet()) {
            if (!b.containsKey(e.getKey()) || !Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
