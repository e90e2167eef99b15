package io.sluice.provider.aws;

import io.sluice.metrics.ProviderCallMetrics;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts every API call of one SDK client (once per call, retries included) in ESO's provider call metric. */
final class CallMetricsInterceptor implements ExecutionInterceptor {
    static final String SECRETS_MANAGER = "AWS/SecretsManager";
    static final String PARAMETER_STORE = "AWS/ParameterStore";
    static final String STS = "AWS/STS";

    private final String provider;
    private final ProviderCallMetrics metrics;

    CallMetricsInterceptor(String provider, ProviderCallMetrics metrics) {
        this.provider = provider;
        this.metrics = metrics;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        metrics.record(provider, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), true);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        metrics.record(provider, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), false);
    }
}
