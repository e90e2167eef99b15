package io.sluice.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.sluice.config.SluiceConfig;
import io.smallrye.config.SmallRyeConfig;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The HTTP client factory of every Kubernetes client Sluice builds (META-INF/services): the factory that would be
 * chosen otherwise, with {@link ApiRequestLimiter} and {@link ApiRequestCounter} added. A service and not a CDI
 * producer because JOSDK does not use the client Quarkus produces: QOSDK 7.7.3's OverriddenConfigurationService (in place as soon as a
 * ConfigurationServiceCustomizer exists) does not delegate getKubernetesClient, so JOSDK builds its informers'
 * and controllers' clients from Config.autoConfigure, and only the ServiceLoader reaches them all.
 * <p>
 * All clients built under the same settings share one bucket, so the limit holds for the process, as the
 * single client of an ESO controller would. Outside a Sluice application (no {@link SluiceConfig}), clients are
 * neither limited nor counted.
 */
public class RateLimitedHttpClientFactory implements HttpClient.Factory {
    private static final String INTERCEPTOR = "sluice-client-qps";
    private static final String COUNTER = "sluice-request-count";
    private static final int PRIORITY = Integer.MAX_VALUE - 1;
    private static final Map<String, ApiRequestLimiter> LIMITERS = new ConcurrentHashMap<>();
    private static final ApiRequestCounter REQUESTS = new ApiRequestCounter();

    @Override
    public HttpClient.Builder newBuilder(Config config) {
        return limited(delegate().newBuilder(config));
    }

    @Override
    public HttpClient.Builder newBuilder() {
        return limited(delegate().newBuilder());
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    private static HttpClient.Builder limited(HttpClient.Builder builder) {
        SluiceConfig.Kubernetes settings = settings();
        if (settings == null) {
            return builder;
        }
        builder.addOrReplaceInterceptor(COUNTER, REQUESTS);
        if (settings.clientQps() > 0) {
            String key = settings.clientQps() + "/" + settings.clientBurst();
            builder.addOrReplaceInterceptor(
                    INTERCEPTOR,
                    LIMITERS.computeIfAbsent(
                            key,
                            k -> new ApiRequestLimiter(new ApiRequestRate(
                                    settings.clientQps(), settings.clientBurst(), System::nanoTime))));
        }
        return builder;
    }

    private static SluiceConfig.Kubernetes settings() {
        try {
            return ConfigProvider.getConfig()
                    .unwrap(SmallRyeConfig.class)
                    .getConfigMapping(SluiceConfig.class)
                    .kubernetes();
        } catch (NoSuchElementException | IllegalArgumentException | IllegalStateException e) {
            return null; // not inside the Sluice application
        }
    }

    private static HttpClient.Factory delegate() {
        HttpClient.Factory best = null;
        for (HttpClient.Factory factory : ServiceLoader.load(
                HttpClient.Factory.class, Thread.currentThread().getContextClassLoader())) {
            if (factory.priority() < PRIORITY && (best == null || factory.priority() > best.priority())) {
                best = factory;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no HttpClient.Factory besides " + RateLimitedHttpClientFactory.class);
        }
        return best;
    }
}
