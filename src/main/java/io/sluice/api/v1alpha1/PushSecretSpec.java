package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.sluice.api.common.DurationPattern;
import io.sluice.api.v1.ExternalSecretTemplate;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretSpec {
    @Pattern(DurationPattern.GO_DURATION)
    public String refreshInterval;

    @Required
    public List<PushSecretStoreRef> secretStoreRefs;

    public UpdatePolicy updatePolicy;
    public DeletionPolicy deletionPolicy;

    @Required
    public PushSecretSelector selector;

    public List<PushSecretData> data;
    public List<PushSecretDataTo> dataTo;
    public ExternalSecretTemplate template;

    public enum UpdatePolicy {
        Replace,
        IfNotExists
    }

    public enum DeletionPolicy {
        Delete,
        None
    }
}
