package io.sluice.provider.aws;

import io.sluice.config.SluiceConfig;
import io.sluice.config.SluiceConfig.Aws.RetryMode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The operator-wide AWS settings, detached from the configuration mapping so that plain tests can build them. */
public record AwsSettings(
        Optional<URI> secretsManagerEndpoint,
        Optional<URI> ssmEndpoint,
        Optional<URI> stsEndpoint,
        Duration credentialRefreshMargin,
        Duration idleClientTtl,
        Duration callTimeout,
        int listPageSize,
        int batchSize,
        RetryMode retryMode) {

    public static AwsSettings from(SluiceConfig.Aws aws) {
        return new AwsSettings(
                aws.secretsManagerEndpoint().map(URI::create),
                aws.ssmEndpoint().map(URI::create),
                aws.stsEndpoint().map(URI::create),
                aws.credentialRefreshMargin(),
                aws.idleClientTtl(),
                aws.callTimeout(),
                aws.listPageSize(),
                aws.batchSize(),
                aws.retryMode());
    }

    /**
     * Defaults of {@link SluiceConfig.Aws}, pointed at the given endpoints (either may be null). Test servers serve
     * Secrets Manager and Parameter Store on one endpoint, so Parameter Store uses the Secrets Manager one.
     */
    public static AwsSettings defaults(URI secretsManagerEndpoint, URI stsEndpoint) {
        return new AwsSettings(
                Optional.ofNullable(secretsManagerEndpoint),
                Optional.ofNullable(secretsManagerEndpoint),
                Optional.ofNullable(stsEndpoint),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofSeconds(60),
                100,
                20,
                RetryMode.ADAPTIVE);
    }

    public AwsSettings withPageSizes(int listPageSize, int batchSize) {
        return new AwsSettings(
                secretsManagerEndpoint,
                ssmEndpoint,
                stsEndpoint,
                credentialRefreshMargin,
                idleClientTtl,
                callTimeout,
                listPageSize,
                batchSize,
                retryMode);
    }

    public AwsSettings withIdleClientTtl(Duration ttl) {
        return new AwsSettings(
                secretsManagerEndpoint,
                ssmEndpoint,
                stsEndpoint,
                credentialRefreshMargin,
                ttl,
                callTimeout,
                listPageSize,
                batchSize,
                retryMode);
    }

    public AwsSettings withRetryMode(RetryMode mode) {
        return new AwsSettings(
                secretsManagerEndpoint,
                ssmEndpoint,
                stsEndpoint,
                credentialRefreshMargin,
                idleClientTtl,
                callTimeout,
                listPageSize,
                batchSize,
                mode);
    }

    public AwsSettings withCallTimeout(Duration timeout) {
        return new AwsSettings(
                secretsManagerEndpoint,
                ssmEndpoint,
                stsEndpoint,
                credentialRefreshMargin,
                idleClientTtl,
                timeout,
                listPageSize,
                batchSize,
                retryMode);
    }
}
