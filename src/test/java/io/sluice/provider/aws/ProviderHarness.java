package io.sluice.provider.aws;

import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.testing.aws.AwsTestServer;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A provider wired to a test server and a mock Kubernetes API holding the server's test keys. */
final class ProviderHarness implements AutoCloseable {
    static final String NAMESPACE = "team-a";

    final KubernetesFixture kubernetes = new KubernetesFixture();
    final ProviderCallMetrics metrics = new ProviderCallMetrics(io.sluice.metrics.PrometheusCollectors.unexported());
    final AwsSecretsManagerProvider provider;

    ProviderHarness(AwsTestServer server) {
        this(server, UnaryOperator.identity());
    }

    ProviderHarness(AwsTestServer server, UnaryOperator<AwsSettings> settings) {
        provider = new AwsSecretsManagerProvider(
                settings.apply(AwsSettings.defaults(server.endpoint(), server.endpoint())),
                kubernetes.client(),
                metrics,
                Clock.systemUTC());
        storeKeys(NAMESPACE, AwsTestServer.TEST_ACCESS_KEY, AwsTestServer.TEST_SECRET_KEY);
    }

    void storeKeys(String namespace, String accessKeyId, String secretAccessKey) {
        kubernetes.secret(
                namespace,
                AwsStores.KEYS_SECRET,
                Map.of("access-key", accessKeyId, "secret-access-key", secretAccessKey));
    }

    /** SDK calls the provider made, as counted by the provider call metric. */
    int calls(String provider, String operation) {
        return (int) (metrics.count(provider, operation, true) + metrics.count(provider, operation, false));
    }

    @Override
    public void close() {
        provider.close();
        kubernetes.close();
    }
}
