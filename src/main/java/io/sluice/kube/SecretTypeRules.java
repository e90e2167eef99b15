package io.sluice.kube;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's rules for the well-known Secret types, checked before Sluice writes a Secret: a real API
 * server refuses such a Secret with 422 (and its message may quote the value), the test server accepts it.
 * Messages name the type and the key, never a value.
 */
public final class SecretTypeRules {
    public static final String OPAQUE = "Opaque";
    public static final String SERVICE_ACCOUNT_NAME_ANNOTATION = "kubernetes.io/service-account.name";
    private static final JsonFactory JSON = new JsonFactory();

    private SecretTypeRules() {}

    /**
     * What keeps a Secret of this type, data and annotations from being accepted, or empty when nothing does.
     *
     * @param type the Secret's type; null or empty means Opaque
     */
    public static Optional<String> violation(String type, Map<String, byte[]> data, Map<String, String> annotations) {
        String t = type == null || type.isEmpty() ? OPAQUE : type;
        return switch (t) {
            case "kubernetes.io/tls" -> requireAll(t, data, "tls.crt", "tls.key");
            case "kubernetes.io/ssh-auth" -> requireAll(t, data, "ssh-privatekey");
            case "kubernetes.io/dockercfg" -> requireJson(t, data, ".dockercfg");
            case "kubernetes.io/dockerconfigjson" -> requireJson(t, data, ".dockerconfigjson");
            case "kubernetes.io/basic-auth" ->
                data.containsKey("username") || data.containsKey("password")
                        ? Optional.empty()
                        : Optional.of("type " + t + " requires the key username or the key password");
            case "kubernetes.io/service-account-token" ->
                annotations != null && !isBlank(annotations.get(SERVICE_ACCOUNT_NAME_ANNOTATION))
                        ? Optional.empty()
                        : Optional.of("type " + t + " requires the annotation " + SERVICE_ACCOUNT_NAME_ANNOTATION);
            default -> Optional.empty();
        };
    }

    /** Whether the API server lets a Secret of type {@code from} become type {@code to} in place: never unless equal. */
    public static boolean sameType(String from, String to) {
        return normalised(from).equals(normalised(to));
    }

    public static String normalised(String type) {
        return type == null || type.isEmpty() ? OPAQUE : type;
    }

    private static Optional<String> requireAll(String type, Map<String, byte[]> data, String... keys) {
        for (String key : keys) {
            if (!data.containsKey(key)) {
                return Optional.of("type " + type + " requires the key " + key);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> requireJson(String type, Map<String, byte[]> data, String key) {
        Optional<String> missing = requireAll(type, data, key);
        if (missing.isPresent()) {
            return missing;
        }
        return isJson(data.get(key))
                ? Optional.empty()
                : Optional.of("type " + type + " requires the key " + key + " to hold valid JSON");
    }

    /** Reads the whole document token by token; the parser's message (which quotes the input) is dropped. */
    private static boolean isJson(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
