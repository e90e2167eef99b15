package io.sluice.dev;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode: points Sluice at the Kubernetes API and the AWS endpoints it should use, before anything talks to them.
 * <ul>
 * <li>Dev Services for Kubernetes (Docker) ran: their API server, copied to fabric8's system properties;</li>
 * <li>a kubeconfig or an in-cluster service account: left alone, and the demo is not applied there;</li>
 * <li>nothing: an embedded Kubernetes API, through fabric8's system properties.</li>
 * </ul>
 * System properties, rather than a {@code KubernetesConfigCustomizer}, because the operator does not use the
 * application's client: with a {@code ConfigurationServiceCustomizer} present (io.sluice.runtime.OperatorSettings),
 * QOSDK 7.7.3's OverriddenConfigurationService falls back to JOSDK's default client, built from fabric8's
 * {@code Config.autoConfigure}, which reads these properties and ignores Quarkus' configuration and customizers.
 * The operator builds that client when its bean is first used, in a StartupEvent observer: this observer runs
 * before all others (PLATFORM_BEFORE). System properties outlive a live reload, so the embedded API started by
 * this JVM (and what a developer applied to it) is found again and kept.
 */
@Singleton
@IfBuildProfile("dev")
public class DevFallbacks {
    private static final Logger LOG = Logger.getLogger(DevFallbacks.class);
    private static final String IN_CLUSTER_DEFAULT = Config.DEFAULT_MASTER_URL;

    private final Optional<String> devServiceApiServer;
    private final Optional<String> devServiceCaCert;
    private final Optional<String> devServiceClientCert;
    private final Optional<String> devServiceClientKey;
    private final Optional<String> devServiceClientKeyAlgo;
    private final DevAwsBackend aws;
    /** The Kubernetes API is dev mode's own (embedded or Dev Service), not a cluster of the developer's kubeconfig. */
    private volatile boolean ownCluster;

    DevFallbacks(
            @ConfigProperty(name = "quarkus.kubernetes-client.api-server-url") Optional<String> devServiceApiServer,
            @ConfigProperty(name = "quarkus.kubernetes-client.ca-cert-data") Optional<String> devServiceCaCert,
            @ConfigProperty(name = "quarkus.kubernetes-client.client-cert-data") Optional<String> devServiceClientCert,
            @ConfigProperty(name = "quarkus.kubernetes-client.client-key-data") Optional<String> devServiceClientKey,
            @ConfigProperty(name = "quarkus.kubernetes-client.client-key-algo")
                    Optional<String> devServiceClientKeyAlgo,
            DevAwsBackend aws) {
        this.devServiceApiServer = devServiceApiServer;
        this.devServiceCaCert = devServiceCaCert;
        this.devServiceClientCert = devServiceClientCert;
        this.devServiceClientKey = devServiceClientKey;
        this.devServiceClientKeyAlgo = devServiceClientKeyAlgo;
        this.aws = aws;
    }

    void wire(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Optional<String> embeddedApi = kubernetes();
        DevAwsBackend.Endpoint endpoint = aws.endpoint();
        if (embeddedApi.isPresent() && endpoint.emulated()) {
            LOG.infof(
                    "No Docker, no kubeconfig: dev mode falls back to an embedded Kubernetes API at %s and the in-JVM AWS emulator at %s",
                    embeddedApi.get(), endpoint.uri());
        } else if (embeddedApi.isPresent()) {
            LOG.infof(
                    "No kubeconfig: dev mode falls back to an embedded Kubernetes API at %s (AWS at %s)",
                    embeddedApi.get(), endpoint.uri());
        } else if (endpoint.emulated()) {
            LOG.infof(
                    "No LocalStack Dev Service (Docker): dev mode falls back to the in-JVM AWS emulator at %s",
                    endpoint.uri());
        }
    }

    /** The embedded API's URL when dev mode had to start one, empty when a cluster is configured. */
    private Optional<String> kubernetes() {
        if (devServiceApiServer.isPresent()) {
            exportDevService(devServiceApiServer.get());
            ownCluster = true;
            return Optional.empty();
        }
        if (EmbeddedCluster.isDefaultForNewClients()) {
            // a live reload: the embedded API of this dev-mode JVM still runs, with what was applied to it
            ownCluster = true;
            return Optional.empty();
        }
        String master = Config.autoConfigure(null).getMasterUrl();
        if (master != null && !IN_CLUSTER_DEFAULT.equals(master.replaceAll("/+$", ""))) {
            LOG.infof(
                    "Dev mode runs against the cluster of your kubeconfig (%s) and leaves the demo manifests out",
                    master);
            return Optional.empty();
        }
        EmbeddedCluster cluster = EmbeddedCluster.start();
        cluster.becomeDefaultForNewClients();
        ownCluster = true;
        return Optional.of(cluster.url());
    }

    /** True when the demo may be applied: the Kubernetes API belongs to this dev-mode run. */
    boolean ownsCluster() {
        return ownCluster;
    }

    /** Gives the operator's client (fabric8 auto-configuration) the Kubernetes Dev Service's API and credentials. */
    private void exportDevService(String apiServer) {
        System.setProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, apiServer);
        devServiceCaCert.ifPresent(
                value -> System.setProperty(Config.KUBERNETES_CA_CERTIFICATE_DATA_SYSTEM_PROPERTY, value));
        devServiceClientCert.ifPresent(
                value -> System.setProperty(Config.KUBERNETES_CLIENT_CERTIFICATE_DATA_SYSTEM_PROPERTY, value));
        devServiceClientKey.ifPresent(
                value -> System.setProperty(Config.KUBERNETES_CLIENT_KEY_DATA_SYSTEM_PROPERTY, value));
        devServiceClientKeyAlgo.ifPresent(
                value -> System.setProperty(Config.KUBERNETES_CLIENT_KEY_ALGO_SYSTEM_PROPERTY, value));
        System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
        System.setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
        LOG.debugf("Kubernetes Dev Service at %s", apiServer);
    }
}
