package io.sluice.provider.aws;

import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one configuration: Secrets Manager, Parameter Store (SSM, built on first use: most stores use
 * one service only), and STS signed with the same credentials (for GetCallerIdentity), plus what the credentials
 * chain built. Closing releases all of them.
 */
final class AwsClients implements SdkAutoCloseable {
    private static final Logger LOG = Logger.getLogger(AwsClients.class);

    private final SecretsManagerClient secretsManager;
    private final StsClient sts;
    private final Supplier<SsmClient> ssmFactory;
    private final List<SdkAutoCloseable> resources;
    private SsmClient ssm;
    private volatile boolean closed;

    AwsClients(SecretsManagerClient secretsManager, StsClient sts, List<SdkAutoCloseable> resources) {
        this(
                secretsManager,
                sts,
                () -> {
                    throw new IllegalStateException("these AWS clients have no Parameter Store client");
                },
                resources);
    }

    AwsClients(
            SecretsManagerClient secretsManager,
            StsClient sts,
            Supplier<SsmClient> ssmFactory,
            List<SdkAutoCloseable> resources) {
        this.secretsManager = secretsManager;
        this.sts = sts;
        this.ssmFactory = ssmFactory;
        this.resources = List.copyOf(resources);
    }

    SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    StsClient sts() {
        return sts;
    }

    synchronized SsmClient ssm() {
        if (closed) {
            throw new IllegalStateException("the AWS clients were closed");
        }
        if (ssm == null) {
            ssm = ssmFactory.get();
        }
        return ssm;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        SsmClient built;
        synchronized (this) {
            closed = true;
            built = ssm;
        }
        if (built != null) {
            closeQuietly(built);
        }
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
            LOG.debugf(
                    "closing %s failed: %s",
                    resource.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
    }
}
