package io.sluice.dev;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Dev mode: seeds the AWS backend, applies {@code examples/demo} (fake provider) and {@code examples/dev} (an
 * AWS SecretStore on LocalStack or the emulator), and prints the synced Secrets. The CRDs are applied by the
 * Operator SDK when the operator is created ({@code %dev.quarkus.operator-sdk.crd.apply}); the showcase waits
 * for them. {@link DevFallbacks} has chosen the Kubernetes API and the AWS endpoint by then.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevModeDemo {
    private static final Logger LOG = Logger.getLogger(DevModeDemo.class);
    static final String AWS_SECRET_NAME = "dev/database";
    private static final String AWS_SECRET_VALUE = "{\"username\":\"dev-app\",\"password\":\"not-a-real-password\"}";
    private static final List<Path> MANIFESTS = List.of(Path.of("examples", "demo"), Path.of("examples", "dev"));
    private static final Duration WAIT = Duration.ofSeconds(60);

    void onStart(@Observes StartupEvent event, KubernetesClient client, DevAwsBackend aws, DevFallbacks fallbacks) {
        if (!fallbacks.ownsCluster()) {
            return;
        }
        Thread.ofVirtual().name("sluice-dev-demo").start(() -> {
            try {
                aws.seed(AWS_SECRET_NAME, AWS_SECRET_VALUE);
                if (new DemoShowcase(client, System.out).applyAndShow(MANIFESTS, WAIT)) {
                    LOG.info("Dev demo synced: edit the code and watch the ExternalSecrets resync");
                } else {
                    LOG.warnf("Dev demo did not sync within %ds: see the conditions above", WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warnf("Dev demo failed: %s", e.toString());
            }
        });
    }
}
