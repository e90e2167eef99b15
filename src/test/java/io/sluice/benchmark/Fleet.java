package io.sluice.benchmark;

import static io.sluice.testing.Fixtures.awsStore;
import static io.sluice.testing.Fixtures.withData;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.testing.Fixtures;
import io.sluice.testing.aws.SdkClients;
import io.sluice.testing.aws.emulator.AwsEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The benchmark's workload, as in issue 14: N ExternalSecrets, each with two entries (properties {@code a} and
 * {@code b}, 2 KB each) of one of N/10 remote secrets, so each Secret holds 4 KB and each remote secret is shared
 * by ten ExternalSecrets. Created by a client of its own (no Sluice limiter, 16 threads).
 */
final class Fleet {
    static final int SIZE = Integer.getInteger("bench.size", 1000);
    static final String COLD = "bench-cold";
    static final String LIVE = "bench-live";
    static final String RAW = "bench-raw";
    static final int THREADS = 16;
    static final String REFRESH = System.getProperty("bench.refresh-interval", "60s");
    private static final String PREFIX = System.getProperty("bench.remote-prefix", "bench/");
    private static final String VALUE = "x".repeat(2048);

    private final KubernetesClient client;
    private final URI awsEndpoint;

    Fleet(KubernetesClient client, URI awsEndpoint) {
        this.client = client;
        this.awsEndpoint = awsEndpoint;
    }

    /** A client that bypasses Sluice's limiter and counter (its own HTTP client factory). */
    static KubernetesClient driverClient() {
        return new KubernetesClientBuilder()
                .withConfig(Config.autoConfigure(null))
                .withHttpClientFactory(new VertxHttpClientFactory())
                .build();
    }

    static int remoteSecrets() {
        return Math.max(1, SIZE / 10);
    }

    void seedRemoteSecrets() {
        try (SecretsManagerClient aws = SdkClients.secretsManager(
                awsEndpoint,
                Region.of(AwsEmulator.DEFAULT_REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())))) {
            parallel(remoteSecrets(), i -> {
                String name = PREFIX + "r-" + i;
                String json = "{\"a\":\"" + VALUE + "\",\"b\":\"" + VALUE + "\"}";
                try {
                    aws.createSecret(b -> b.name(name).secretString(json));
                } catch (ResourceExistsException e) {
                    aws.putSecretValue(b -> b.secretId(name).secretString(json));
                }
            });
        }
    }

    /** The namespace, its AWS store with static keys, and {@code count} ExternalSecrets created at full speed. */
    List<Long> createExternalSecrets(String namespace, int count) {
        prepareNamespace(namespace);
        long[] createdAt = new long[count];
        parallel(count, i -> {
            client.resource(externalSecret(namespace, i)).create();
            createdAt[i] = System.nanoTime();
        });
        List<Long> times = new ArrayList<>(count);
        for (long t : createdAt) {
            times.add(t);
        }
        return times;
    }

    /** N plain Secrets of 4 KB, 16 threads: the API server's write path without Sluice. */
    void createPlainSecrets(String namespace, int count) {
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .createOr(r -> r.update());
        parallel(
                count,
                i -> client.resource(new SecretBuilder()
                                .withNewMetadata()
                                .withNamespace(namespace)
                                .withName("plain-" + i)
                                .endMetadata()
                                .withStringData(Map.of("a", VALUE, "b", VALUE))
                                .build())
                        .create());
    }

    private void prepareNamespace(String namespace) {
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .createOr(r -> r.update());
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(namespace)
                        .withName(Fixtures.AWS_KEYS_SECRET)
                        .endMetadata()
                        .withStringData(Map.of("access-key", accessKey(), "secret-access-key", secretKey()))
                        .build())
                .createOr(r -> r.update());
        client.resource(awsStore(namespace, "aws")).createOr(r -> r.update());
    }

    static ExternalSecret externalSecret(String namespace, int i) {
        String remote = PREFIX + "r-" + (i % remoteSecrets());
        ExternalSecret es = withData(Fixtures.externalSecret(namespace, "es-" + i, "aws", REFRESH), "a", remote, "a");
        return withData(es, "b", remote, "b");
    }

    private static void parallel(int count, IntConsumer task) {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(threads.submit(() -> task.accept(n)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark setup failed", e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static String accessKey() {
        return System.getProperty("bench.aws-access-key", "test");
    }

    private static String secretKey() {
        return System.getProperty("bench.aws-secret-key", "test");
    }
}
