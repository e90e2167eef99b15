package io.sluice.externalsecret;

import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.kube.WellKnown;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Sees every ExternalSecret event before the reconciler does, for the two deletion stages JOSDK does not
 * hand to a reconciler that is not a {@code Cleaner}: an ExternalSecret marked for deletion that carries the
 * cleanup finalizer is released (on a thread of its own, retried until done), and one that is gone has its
 * per-resource memory freed.
 */
final class ExternalSecretDeletions extends AbstractEventSource<Void, ExternalSecret>
        implements ResourceEventAware<ExternalSecret> {
    private static final Logger LOG = Logger.getLogger(ExternalSecretDeletions.class);
    private static final long RETRY_SECONDS = 5;

    private final Predicate<ExternalSecret> release;
    private final Consumer<ResourceID> forget;
    private ScheduledExecutorService worker;

    /**
     * @param release cleans up after an ExternalSecret being deleted; false when it must be tried again
     * @param forget frees the memory held for a deleted ExternalSecret
     */
    ExternalSecretDeletions(Predicate<ExternalSecret> release, Consumer<ResourceID> forget) {
        super(Void.class, "externalsecret-deletions");
        this.release = release;
        this.forget = forget;
    }

    @Override
    public void onResourceCreated(ExternalSecret resource) {
        releaseIfMarked(resource);
    }

    @Override
    public void onResourceUpdated(ExternalSecret newResource, ExternalSecret oldResource) {
        releaseIfMarked(newResource);
    }

    @Override
    public void onResourceDeleted(ExternalSecret resource) {
        forget.accept(ResourceID.fromResource(resource));
    }

    @Override
    public Set<Void> getSecondaryResources(ExternalSecret primary) {
        return Set.of();
    }

    @Override
    public synchronized void start() throws OperatorException {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "externalsecret-cleanup");
            t.setDaemon(true);
            return t;
        });
        super.start();
    }

    @Override
    public synchronized void stop() throws OperatorException {
        if (worker != null) {
            worker.shutdownNow();
        }
        super.stop();
    }

    private void releaseIfMarked(ExternalSecret resource) {
        if (resource.isMarkedForDeletion() && resource.hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER) && worker != null) {
            worker.execute(() -> attempt(resource));
        }
    }

    private void attempt(ExternalSecret resource) {
        boolean done;
        try {
            done = release.test(resource);
        } catch (RuntimeException e) {
            LOG.warnf("%s: cleanup after deletion failed (%s); retrying in %ds", ResourceID.fromResource(resource),
                    io.sluice.kube.ApiErrors.describe(e), RETRY_SECONDS);
            done = false;
        }
        if (!done && !worker.isShutdown()) {
            worker.schedule(() -> attempt(resource), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }
}
