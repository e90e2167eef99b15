package io.sluice.dev;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Dev mode: when neither the Kubernetes Dev Service (Docker) nor a kubeconfig nor a service account gave the
 * client a cluster, the client would fall back to {@code https://kubernetes.default.svc}. Point it at an
 * embedded Kubernetes API instead.
 */
@Singleton
@Unremovable
@IfBuildProfile("dev")
public class EmbeddedClusterFallback implements KubernetesConfigCustomizer {
    private static final Logger LOG = Logger.getLogger(EmbeddedClusterFallback.class);
    private static final String IN_CLUSTER_DEFAULT = Config.DEFAULT_MASTER_URL;

    private volatile EmbeddedCluster cluster;

    @Override
    public void customize(Config config) {
        String master = config.getMasterUrl();
        LOG.debugf("Kubernetes client configured for %s", master);
        if (master == null || !IN_CLUSTER_DEFAULT.equals(master.replaceAll("/+$", ""))) {
            return;
        }
        cluster = EmbeddedCluster.start();
        LOG.infof("No Kubernetes Dev Service (Docker) and no kubeconfig: dev mode runs against an embedded Kubernetes API at %s",
                cluster.url());
        config.setMasterUrl(cluster.url());
        config.setNamespace(EmbeddedCluster.NAMESPACE);
    }

    @PreDestroy
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
