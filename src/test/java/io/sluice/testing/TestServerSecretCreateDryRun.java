package io.sluice.testing;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.Mock;
import io.sluice.kube.SecretCreateDryRun;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the server-side dry run in reconciler tests: the fabric8 test server ignores {@code dryRun=All}
 * and would really create the probe Secret. It accepts a Secret, as a real API server accepts one that passed
 * Sluice's own type rules (the planner checks those before any write), unless a test has named the Secret with
 * {@link #refuse}, standing for an admission policy that only the real API server knows.
 */
@Mock
@Singleton
public class TestServerSecretCreateDryRun extends SecretCreateDryRun {
    public static final String REFUSAL = "HTTP 403 Forbidden (an admission policy of the test)";

    /** Secret ({@code namespace/name}) to how many more asks are accepted before every later one is refused. */
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    private final AtomicInteger asked = new AtomicInteger();

    public TestServerSecretCreateDryRun(KubernetesClient client) {
        super(client);
    }

    @Override
    public Optional<String> refusal(Secret secret) {
        asked.incrementAndGet();
        String key =
                secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
        AtomicInteger accepted = refused.get(key);
        return accepted != null && accepted.getAndDecrement() <= 0 ? Optional.of(REFUSAL) : Optional.empty();
    }

    public void refuse(String namespace, String name) {
        refuseAfter(namespace, name, 0);
    }

    /** Accepts the Secret {@code accepted} more times, then refuses it. */
    public void refuseAfter(String namespace, String name, int accepted) {
        refused.put(namespace + "/" + name, new AtomicInteger(accepted));
    }

    /** How many dry runs were asked for so far, in every test. */
    public int asked() {
        return asked.get();
    }
}
