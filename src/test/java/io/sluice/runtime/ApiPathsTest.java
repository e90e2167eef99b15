package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiPathsTest {

    @Test
    void aRequestIsNamedByVerbAndResourceNeverByNameOrNamespace() {
        assertEquals("create secrets", both("POST", "/api/v1/namespaces/ns/secrets", null));
        assertEquals("get secrets", both("GET", "/api/v1/namespaces/ns/secrets/app", null));
        assertEquals("list secrets", both("GET", "/api/v1/secrets", "labelSelector=x"));
        assertEquals("watch secrets", both("GET", "/api/v1/secrets", "watch=true&resourceVersion=1"));
        assertEquals(
                "patch externalsecrets/status",
                both("PATCH", "/apis/external-secrets.io/v1/namespaces/ns/externalsecrets/es/status", null));
        assertEquals(
                "get clustersecretstores", both("GET", "/apis/external-secrets.io/v1/clustersecretstores/c", null));
        assertEquals("get namespaces", both("GET", "/api/v1/namespaces/ns", null));
        assertEquals("list namespaces", both("GET", "/api/v1/namespaces", null));
        assertEquals("create events", both("POST", "/api/v1/namespaces/ns/events", null));
        assertEquals("update leases", both("PUT", "/apis/coordination.k8s.io/v1/namespaces/ns/leases/l", null));
    }

    private static String both(String method, String path, String query) {
        return ApiPaths.verb(method, path, query) + " " + ApiPaths.resource(path);
    }
}
