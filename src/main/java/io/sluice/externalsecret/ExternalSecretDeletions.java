package io.sluice.externalsecret;

import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.kube.ApiErrors;
import io.sluice.kube.WellKnown;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Sees every ExternalSecret event before the reconciler does, for the two deletion stages JOSDK does not
 * hand to a reconciler that is not a {@code Cleaner}: an ExternalSecret marked for deletion that carries the
 * cleanup finalizer is released (on a thread of its own, retried until done), and one that is gone has its
 * per-resource memory freed.
 * <p>
 * The release does not hang on a single event: the cached ExternalSecrets are also swept when this source starts
 * (the primary informer starts first, and its initial events came before there was a thread to release on) and
 * then every {@code sweepPeriod}, in case an event was dropped on the way. At most one release per resource is
 * pending at any time ({@code releasing}): further events for it while the finalizer is held start nothing.
 * <p>
 * Why this exists: JOSDK 5.2+ can hand every event, deletions included, to {@code reconcile}
 * ({@code @ControllerConfiguration(triggerReconcilerOnAllEvents = true)}, operator-framework/java-operator-sdk#2894),
 * which would let the reconciler release the finalizer itself. QOSDK 7.7.3 builds its own
 * {@code QuarkusControllerConfiguration}, which does not carry that flag (it falls back to JOSDK's default, false);
 * support came with quarkiverse/quarkus-operator-sdk#1218. Once the QOSDK in use has it, this class goes.
 */
final class ExternalSecretDeletions extends AbstractEventSource<Void, ExternalSecret>
        implements ResourceEventAware<ExternalSecret> {
    private static final Logger LOG = Logger.getLogger(ExternalSecretDeletions.class);
    static final Duration RETRY = Duration.ofSeconds(5);
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(30);

    private final Predicate<ExternalSecret> release;
    private final Consumer<ResourceID> forget;
    private final Supplier<Stream<ExternalSecret>> cached;
    private final Duration sweepPeriod;
    private final Set<ResourceID> releasing = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService worker;

    /**
     * @param release cleans up after an ExternalSecret being deleted; false when it must be tried again
     * @param forget frees the memory held for a deleted ExternalSecret
     * @param cached the ExternalSecrets in the primary cache
     * @param sweepPeriod how often the cache is swept for ExternalSecrets waiting for their release
     */
    ExternalSecretDeletions(
            Predicate<ExternalSecret> release,
            Consumer<ResourceID> forget,
            Supplier<Stream<ExternalSecret>> cached,
            Duration sweepPeriod) {
        super(Void.class, "externalsecret-deletions");
        this.release = release;
        this.forget = forget;
        this.cached = cached;
        this.sweepPeriod = sweepPeriod;
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
        worker.scheduleWithFixedDelay(this::sweep, 0, sweepPeriod.toMillis(), TimeUnit.MILLISECONDS);
        super.start();
    }

    @Override
    public synchronized void stop() throws OperatorException {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
        releasing.clear();
        super.stop();
    }

    private void sweep() {
        try {
            cached.get().forEach(this::releaseIfMarked);
        } catch (RuntimeException e) {
            // an exception would end the periodic sweep
            LOG.warnf("sweeping ExternalSecrets marked for deletion failed (%s)", ApiErrors.describe(e));
        }
    }

    private void releaseIfMarked(ExternalSecret resource) {
        ScheduledExecutorService current = worker;
        if (current != null
                && resource.isMarkedForDeletion()
                && resource.hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER)
                && releasing.add(ResourceID.fromResource(resource))) {
            submit(current, resource, Duration.ZERO);
        }
    }

    private void submit(ScheduledExecutorService current, ExternalSecret resource, Duration delay) {
        try {
            current.schedule(() -> attempt(current, resource), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            releasing.remove(ResourceID.fromResource(resource));
        }
    }

    private void attempt(ScheduledExecutorService current, ExternalSecret resource) {
        ResourceID id = ResourceID.fromResource(resource);
        boolean done;
        try {
            done = release.test(resource);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s: cleanup after deletion failed (%s); retrying in %ds",
                    id, ApiErrors.describe(e), RETRY.toSeconds());
            done = false;
        }
        if (done) {
            releasing.remove(id);
        } else {
            submit(current, resource, RETRY);
        }
    }
}
