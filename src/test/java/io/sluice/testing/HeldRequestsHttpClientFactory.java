package io.sluice.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import java.util.ServiceLoader;

/**
 * The HTTP client factory of every Kubernetes client in the test JVM (META-INF/services, highest priority): the
 * factory that would be chosen otherwise, with {@link HeldRequests} and {@link RefusedRequests} added. A service
 * rather than a CDI producer because JOSDK does not use the client Quarkus produces: QOSDK 7.7.3's
 * OverriddenConfigurationService (in place as soon as a ConfigurationServiceCustomizer exists) does not delegate
 * getKubernetesClient, so JOSDK builds its clients from Config.autoConfigure.
 */
public class HeldRequestsHttpClientFactory implements HttpClient.Factory {
    private static final String INTERCEPTOR = "sluice-held-requests";
    private static final String REFUSALS = "sluice-refused-requests";

    @Override
    public HttpClient.Builder newBuilder(Config config) {
        HttpClient.Builder builder = delegate().newBuilder(config);
        builder.addOrReplaceInterceptor(INTERCEPTOR, HeldRequests.INSTANCE);
        builder.addOrReplaceInterceptor(REFUSALS, RefusedRequests.INSTANCE);
        return builder;
    }

    @Override
    public HttpClient.Builder newBuilder() {
        HttpClient.Builder builder = delegate().newBuilder();
        builder.addOrReplaceInterceptor(INTERCEPTOR, HeldRequests.INSTANCE);
        builder.addOrReplaceInterceptor(REFUSALS, RefusedRequests.INSTANCE);
        return builder;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    private static HttpClient.Factory delegate() {
        HttpClient.Factory best = null;
        for (HttpClient.Factory factory : ServiceLoader.load(
                HttpClient.Factory.class, Thread.currentThread().getContextClassLoader())) {
            if (!(factory instanceof HeldRequestsHttpClientFactory)
                    && (best == null || factory.priority() > best.priority())) {
                best = factory;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no HttpClient.Factory besides " + HeldRequestsHttpClientFactory.class);
        }
        return best;
    }
}
