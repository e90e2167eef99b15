package io.sluice.runtime;

/** Reads the verb and resource of a Kubernetes API request path, for metrics (never a name or namespace). */
final class ApiPaths {
    private ApiPaths() {}

    /**
     * {@code /api/v1/namespaces/ns/secrets/x} is {@code secrets}; {@code /apis/g/v/namespaces/ns/r/x/status} is
     * {@code r/status}; {@code /api/v1/namespaces/x} is {@code namespaces}.
     */
    static String resource(String path) {
        String[] parts = path.split("/");
        int i = parts.length > 1 && "api".equals(parts[1]) ? 3 : 4; // after /api/v1 or /apis/group/version
        if (i >= parts.length) {
            return "other";
        }
        if ("namespaces".equals(parts[i]) && parts.length > i + 2) {
            i += 2;
        }
        String resource = parts[i];
        return parts.length > i + 2 ? resource + "/" + parts[i + 2] : resource;
    }

    static String verb(String method, String path, String query) {
        return switch (method.toUpperCase()) {
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default ->
                query != null && query.contains("watch=true")
                        ? "watch"
                        : resource(path).contains("/") || named(path) ? "get" : "list";
        };
    }

    private static boolean named(String path) {
        String[] parts = path.split("/");
        int base = parts.length > 1 && "api".equals(parts[1]) ? 3 : 4;
        int rest = parts.length - base;
        boolean namespaced = rest > 0 && "namespaces".equals(parts[base]);
        return namespaced ? rest == 2 || rest >= 4 : rest >= 2;
    }
}
