package io.sluice.runtime;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.quarkus.runtime.StartupEvent;
import io.sluice.config.SluiceConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One start-up line saying how this replica runs: controller class, watched namespaces, leader election,
 * concurrency, endpoints. Settings only: no credentials are part of any of them.
 */
@ApplicationScoped
public class StartupSummary {
    private static final Logger LOG = Logger.getLogger(StartupSummary.class);

    private final SluiceConfig config;
    private final Operator operator;
    private final int httpPort;

    public StartupSummary(
            SluiceConfig config,
            Operator operator,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.config = config;
        this.operator = operator;
        this.httpPort = httpPort;
    }

    /** After the SDK's own start-up observer, so the controllers are registered. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        LOG.info(line());
    }

    String line() {
        var election = config.leaderElection();
        var aws = config.aws();
        return "Sluice started: controller-class=" + config.controllerClass()
                + ", watching=" + watched()
                + ", leader-election="
                + (election.enabled()
                        ? "lease "
                                + election.leaseNamespace().map(ns -> ns + "/").orElse("") + election.leaseName()
                                + " (duration " + election.leaseDuration() + ", renew " + election.renewDeadline()
                                + ", retry " + election.retryPeriod() + ")"
                        : "off")
                + ", reconcile-threads=" + config.kubernetes().reconcileThreads()
                + ", endpoints=http :" + httpPort + " /q/metrics /q/health/live /q/health/ready"
                + ", aws-endpoints="
                + aws.secretsManagerEndpoint().map(e -> "secretsmanager " + e).orElse("default")
                + aws.stsEndpoint().map(e -> ", sts " + e).orElse("");
    }

    private String watched() {
        TreeMap<String, String> byController = new TreeMap<>();
        for (RegisteredController<?> controller : operator.getRuntimeInfo().getRegisteredControllers()) {
            Set<String> namespaces =
                    controller.getConfiguration().getInformerConfig().getNamespaces();
            byController.put(controller.getConfiguration().getName(), describe(namespaces));
        }
        return byController.toString();
    }

    private static String describe(Set<String> namespaces) {
        if (namespaces == null || namespaces.isEmpty() || namespaces.contains("JOSDK_ALL_NAMESPACES")) {
            return "all namespaces";
        }
        return String.join(",", new TreeSet<>(namespaces));
    }
}
