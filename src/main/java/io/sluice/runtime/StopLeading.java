package io.sluice.runtime;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * What the leader does when it stops leading. At shutdown (the SDK stops the elector after its controllers) it
 * releases the Lease. Otherwise it has lost the Lease and a new leader may be writing: it exits, so that it never
 * writes next to the new leader, and the pod restarts as a standby.
 */
@ApplicationScoped
public class StopLeading {
    private static final Logger LOG = Logger.getLogger(StopLeading.class);

    private volatile boolean shuttingDown;

    /** Before the SDK's own shutdown observer, which stops the operator (default priority). */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        shuttingDown = true;
    }

    public void stoppedLeading(LeaseRelease lease) {
        if (shuttingDown) {
            lease.release();
            return;
        }
        LOG.error("leader election: this replica lost the Lease; exiting so that it never writes next to the new"
                + " leader");
        // Never System.exit on the elector's thread: the shutdown hooks stop the SDK, which waits for that thread.
        Thread exit = new Thread(() -> System.exit(1), "sluice-lost-lease-exit");
        exit.start();
    }
}
