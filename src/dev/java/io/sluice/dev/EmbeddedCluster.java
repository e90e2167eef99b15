package io.sluice.dev;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * An in-process Kubernetes API (fabric8's CRUD mock server) used when no cluster is configured, so that
 * Sluice can be run and watched on a fresh machine: by scripts/run, and by dev mode without Docker.
 */
public final class EmbeddedCluster implements AutoCloseable {
    /** The namespace the clients of the embedded cluster default to. */
    public static final String NAMESPACE = "default";
    /** Set while an embedded cluster is the default for new clients. */
    private static final String RUNNING_PROPERTY = "io.sluice.dev.embedded-api";

    private final KubernetesMockServer server;

    private EmbeddedCluster(KubernetesMockServer server) {
        this.server = server;
    }

    public static EmbeddedCluster start() {
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new EmbeddedCluster(server);
    }

    public String url() {
        return server.url("/");
    }

    /**
     * Points every fabric8 client configured afterwards at this cluster, whatever kubeconfig, service account
     * or KUBERNETES_SERVICE_HOST the machine has. Quarkus' client starts from fabric8's
     * {@code Config.autoConfigure}, which reads these system properties last; its own
     * {@code quarkus.kubernetes-client.api-server-url} is fixed at build time and cannot be used here.
     */
    public void becomeDefaultForNewClients() {
        System.setProperty("kubernetes.master", url());
        System.setProperty("kubernetes.namespace", NAMESPACE);
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        System.setProperty(RUNNING_PROPERTY, url());
    }

    /** True when an embedded cluster of this JVM is already the default (dev mode, after a live reload). */
    public static boolean isDefaultForNewClients() {
        return System.getProperty(RUNNING_PROPERTY) != null;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
