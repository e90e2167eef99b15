package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import java.util.Locale;

/** One {@code template.templateFrom[]} entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateFrom {
    public TemplateRef configMap;
    public TemplateRef secret;
    /** ESO lower-cases the target before use, so {@code data}, {@code Labels} and {@code ANNOTATIONS} all work. */
    @SchemaFrom(type = String.class)
    @Pattern("^(?i)(data|annotations|labels)$")
    public Target target;

    public String literal;
    /** Decodes each rendered value (not template.data), like remoteRef.decodingStrategy; unset is None. */
    public RemoteRef.DecodingStrategy valuesDecodingStrategy;

    public enum Target {
        Data,
        Annotations,
        Labels;

        @JsonCreator
        public static Target of(String name) {
            for (Target target : values()) {
                if (target.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return target;
                }
            }
            throw new IllegalArgumentException("target must be Data, Annotations or Labels (in any case)");
        }
    }
}
