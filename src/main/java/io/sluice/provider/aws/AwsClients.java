package io.sluice.provider.aws;

import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one configuration: Secrets Manager, and STS signed with the same credentials (for
 * GetCallerIdentity), plus what the credentials chain built. Closing releases all of them.
 */
final class AwsClients implements SdkAutoCloseable {
    private static final Logger LOG = Logger.getLogger(AwsClients.class);

    private final SecretsManagerClient secretsManager;
    private final StsClient sts;
    private final List<SdkAutoCloseable> resources;
    private volatile boolean closed;

    AwsClients(SecretsManagerClient secretsManager, StsClient sts, List<SdkAutoCloseable> resources) {
        this.secretsManager = secretsManager;
        this.sts = sts;
        this.resources = List.copyOf(resources);
    }

    SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    StsClient sts() {
        return sts;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(secretsManager);
        closeQuietly(sts);
        // Later resources depend on earlier ones: close in reverse build order.
        for (int i = resources.size() - 1; i >= 0; i--) {
            closeQuietly(resources.get(i));
        }
    }

    private static void closeQuietly(SdkAutoCloseable resource) {
        try {
            resource.close();
        } catch (RuntimeException e) {
            LOG.debugf("closing %s failed: %s", resource.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
    }
}
