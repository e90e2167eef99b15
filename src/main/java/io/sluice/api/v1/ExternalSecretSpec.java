package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.sluice.api.common.DurationPattern;
import java.util.List;

/**
 * ESO's ExternalSecretSpec. Defaults (refreshInterval 1h, creationPolicy Owner, ...) are applied in code,
 * never written into the object, so GitOps tools see exactly what was applied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "(has(self.data) && size(self.data) > 0) || (has(self.dataFrom) && size(self.dataFrom) > 0)",
        message = "either data or dataFrom should be specified")
public class ExternalSecretSpec {
    public SecretStoreRef secretStoreRef;
    public ExternalSecretTarget target;

    @Pattern(DurationPattern.GO_DURATION)
    public String refreshInterval;

    public RefreshPolicy refreshPolicy;
    public SyncWindows syncWindows;
    public List<ExternalSecretData> data;
    public List<ExternalSecretDataFrom> dataFrom;

    public enum RefreshPolicy {
        CreatedOnce,
        Periodic,
        OnChange
    }
}
