package io.sluice.testing.aws;

import java.net.URI;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Holds the endpoint and the shared SDK clients of a test server, closing them with it. */
abstract class SdkBackedServer implements AwsTestServer {

    private final String name;
    private final URI endpoint;
    private final SecretsManagerClient secretsManager;
    private final StsClient sts;
    private final SsmClient ssm;

    SdkBackedServer(String name, URI endpoint) {
        this.name = name;
        this.endpoint = endpoint;
        this.secretsManager = SdkClients.secretsManager(endpoint, region(), credentials());
        this.sts = SdkClients.sts(endpoint, region(), credentials());
        this.ssm = SdkClients.ssm(endpoint, region(), credentials());
    }

    @Override
    public SsmClient ssm() {
        return ssm;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    @Override
    public StsClient sts() {
        return sts;
    }

    @Override
    public void close() {
        secretsManager.close();
        sts.close();
        ssm.close();
    }

    @Override
    public String toString() {
        return name + " at " + endpoint;
    }
}
