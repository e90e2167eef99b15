package io.sluice.provider.aws;

import io.sluice.provider.aws.credentials.CredentialsSource;
import io.sluice.provider.aws.credentials.RoleChain;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * Everything that makes one store's SDK clients differ from another's: stores with equal configurations
 * share the clients and their STS sessions. Endpoints are operator-wide, so they are not part of it.
 */
record ClientConfiguration(Region region, RetryConfig retry, CredentialsSource credentials, RoleChain roles) {
    ClientConfiguration {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(roles, "roles");
    }
}
