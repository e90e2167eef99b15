package io.sluice.runtime;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the Kubernetes API requests of every client of the process as
 * {@code sluice_kubernetes_requests_total{verb,resource}} (resource with its subresource, e.g.
 * {@code externalsecrets/status}; never a name or namespace, so the series stay few). Watches count as
 * {@code watch}, lists as {@code list}. Registered in Micrometer's global registry, which Quarkus feeds to
 * /q/metrics, because the clients are built outside CDI ({@link RateLimitedHttpClientFactory}).
 */
final class ApiRequestCounter implements Interceptor {
    static final String NAME = "sluice_kubernetes_requests";
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String resource = ApiPaths.resource(request.uri().getPath());
        String verb = ApiPaths.verb(
                request.method(), request.uri().getPath(), request.uri().getRawQuery());
        counters.computeIfAbsent(
                        verb + " " + resource,
                        k -> Counter.builder(NAME)
                                .description("Kubernetes API requests sent, by verb and resource")
                                .tag("verb", verb)
                                .tag("resource", resource)
                                .register(Metrics.globalRegistry))
                .increment();
    }
}
