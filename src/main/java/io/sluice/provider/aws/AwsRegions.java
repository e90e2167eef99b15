package io.sluice.provider.aws;

import io.sluice.provider.ProviderConfigurationException;
import software.amazon.awssdk.regions.Region;

/** Checks {@code spec.provider.aws.region} against the regions the SDK knows, as ESO does. */
final class AwsRegions {
    private AwsRegions() {}

    static Region require(String name) {
        if (name == null || name.isBlank()) {
            throw new ProviderConfigurationException("spec.provider.aws.region is required");
        }
        Region region = Region.of(name);
        if (!Region.regions().contains(region)) {
            throw new ProviderConfigurationException("unknown AWS region " + name);
        }
        return region;
    }
}
