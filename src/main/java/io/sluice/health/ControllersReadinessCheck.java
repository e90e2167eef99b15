package io.sluice.health;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.sluice.runtime.Leadership;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The one readiness check (the SDK's own is switched off in application.properties): ready when every controller
 * has started and each of its informers has synced its cache and is watching. A standby replica (leader election,
 * Lease held by another) runs its informers too, and only its event processing waits for the Lease: it is ready
 * once its caches are warm, because the chart's rolling update (maxUnavailable 0 with two replicas) waits for the
 * new pod, a standby, to be ready before it stops an old one.
 */
@Readiness
@ApplicationScoped
public class ControllersReadinessCheck implements HealthCheck {
    static final String NAME = "Sluice controllers";

    private final Operator operator;
    private final Leadership leadership;

    public ControllersReadinessCheck(Operator operator, Leadership leadership) {
        this.operator = operator;
        this.leadership = leadership;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("leadership", leadership.state().name().toLowerCase());
        if (!operator.getRuntimeInfo().isStarted()) {
            return response.withData("operator", "not started").down().build();
        }
        boolean ready = true;
        for (Map.Entry<String, List<String>> controller : notSynced().entrySet()) {
            List<String> lagging = controller.getValue();
            response.withData(
                    controller.getKey(), lagging.isEmpty() ? "synced" : "not synced: " + String.join(", ", lagging));
            ready &= lagging.isEmpty();
        }
        return response.status(ready).build();
    }

    /** Per controller, the informers (event source/namespace) that have not synced or do not watch. */
    private Map<String, List<String>> notSynced() {
        Map<String, List<String>> result = new TreeMap<>();
        for (RegisteredController<?> controller : operator.getRuntimeInfo().getRegisteredControllers()) {
            List<String> lagging = new ArrayList<>();
            controller
                    .getControllerHealthInfo()
                    .informerEventSourceHealthIndicators()
                    .forEach((source, health) -> {
                        @SuppressWarnings("unchecked")
                        Map<String, InformerHealthIndicator> informers = health.informerHealthIndicators();
                        for (Map.Entry<String, InformerHealthIndicator> informer : informers.entrySet()) {
                            if (!informer.getValue().hasSynced()
                                    || !informer.getValue().isWatching()) {
                                lagging.add(source + "@" + informer.getKey());
                            }
                        }
                    });
            result.put(controller.getConfiguration().getName(), lagging);
        }
        return result;
    }
}
