package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One {@code template.templateFrom[]} entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateFrom {
    public TemplateRef configMap;
    public TemplateRef secret;
    public Target target;
    public String literal;
    /** Decodes each rendered value (not template.data), like remoteRef.decodingStrategy; unset is None. */
    public RemoteRef.DecodingStrategy valuesDecodingStrategy;

    public enum Target { Data, Annotations, Labels }
}
