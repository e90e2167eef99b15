package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Labels and annotations (rendered as templates) and finalizers for the target Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMetadata {
    public Map<String, String> labels;
    public Map<String, String> annotations;
    public List<String> finalizers;
}
