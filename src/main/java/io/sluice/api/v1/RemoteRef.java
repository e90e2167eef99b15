package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What to read from the provider: ESO's ExternalSecretDataRemoteRef. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RemoteRef {
    public String key;
    public MetadataPolicy metadataPolicy;
    public String property;
    public String version;
    public ConversionStrategy conversionStrategy;
    public DecodingStrategy decodingStrategy;
    public NullBytePolicy nullBytePolicy;

    public enum MetadataPolicy {
        None,
        Fetch
    }

    public enum ConversionStrategy {
        Default,
        Unicode
    }

    public enum DecodingStrategy {
        Auto,
        Base64,
        Base64URL,
        None
    }

    public enum NullBytePolicy {
        Ignore,
        Fail
    }
}
