package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** {@code dataFrom[].find}: many remote secrets selected by name pattern, tags or path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalSecretFind {
    public String path;
    public FindName name;
    public Map<String, String> tags;
    public RemoteRef.ConversionStrategy conversionStrategy;
    public RemoteRef.DecodingStrategy decodingStrategy;
    public RemoteRef.NullBytePolicy nullBytePolicy;
}
