package io.sluice.demo;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * An in-process Kubernetes API (fabric8's CRUD mock server) used when no cluster is configured, so that
 * Sluice can be run and watched on a fresh machine.
 */
final class EmbeddedCluster {
    private final KubernetesMockServer server;

    private EmbeddedCluster(KubernetesMockServer server) {
        this.server = server;
    }

    /** True unless a kubeconfig is at hand (KUBECONFIG or ~/.kube/config) or SLUICE_EMBEDDED=false. */
    static boolean wanted() {
        String forced = System.getenv("SLUICE_EMBEDDED");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            return false;
        }
        return !Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }

    static EmbeddedCluster start() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new EmbeddedCluster(server);
    }

    String url() {
        return server.url("/");
    }

    void stop() {
        server.destroy();
    }
}
