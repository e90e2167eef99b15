package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.sluice.api.common.DurationPattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetrySettings {
    public Integer maxRetries;

    @Pattern(DurationPattern.GO_DURATION)
    public String retryInterval;
}
