package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetrySettings {
    public Integer maxRetries;
    public String retryInterval;
}
