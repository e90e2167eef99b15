package io.sluice.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per resource, in memory: how many events the SDK has received for it, how many of them a finished reconcile
 * has already covered, how many reconciles ran, and what of the resource the last one saw. Fed by
 * {@link OperatorMetrics} for every controller, without any call from the reconcilers.
 *
 * <p>A reconcile covers every event received before it was submitted (the SDK merges them into one
 * execution), so "handled has reached the received count read at instant T" proves that a reconcile started
 * after every event received up to T, and saw the caches those events came from. Tests use this as a barrier
 * before asserting that something did not happen.
 */
@ApplicationScoped
public class ReconcileLedger implements PerResourceMetrics {

    /**
     * What is known of one resource; {@code lastInputs} is {@link #inputsOf} of the resource the last reconcile
     * saw.
     */
    public record Entry(long received, long handled, long reconciles, Inputs lastInputs) {
        static final Entry NONE = new Entry(0, 0, 0, null);
    }

    private static final class State {
        long received;
        long submittedCovers;
        long runningCovers;
        Inputs runningInputs;
        long handled;
        long reconciles;
        Inputs lastInputs;
    }

    private final Map<ResourceSeries, State> states = new ConcurrentHashMap<>();

    void eventReceived(ResourceSeries resource) {
        State s = state(resource);
        synchronized (s) {
            s.received++;
        }
    }

    /** Called by the SDK under its lock, after the events it merges into the execution were received. */
    void submitted(ResourceSeries resource) {
        State s = state(resource);
        synchronized (s) {
            s.submittedCovers = s.received;
        }
    }

    /** Called when the SDK starts an execution, before the reconciler runs; this execution covers what was submitted. */
    void started(HasMetadata primary, ResourceSeries resource) {
        State s = state(resource);
        synchronized (s) {
            s.runningCovers = s.submittedCovers;
            s.runningInputs = inputsOf(primary);
        }
    }

    /**
     * What a reconcile reads of its resource besides the status: the generation (the spec), labels and
     * annotations. Not the resourceVersion: the SDK does not reconcile again for the operator's own status
     * writes, so the last version reconciled is often not the current one. Kept as numbers, not a string built
     * on every reconcile: this runs on the hot path for every resource, and only tests read it.
     */
    public record Inputs(Long generation, int labels, int annotations, String deletionTimestamp) {}

    public static Inputs inputsOf(HasMetadata resource) {
        var meta = resource.getMetadata();
        return new Inputs(
                meta.getGeneration(),
                Objects.hashCode(meta.getLabels()),
                Objects.hashCode(meta.getAnnotations()),
                meta.getDeletionTimestamp());
    }

    /**
     * Called when the reconciler returned. The SDK submits the next execution of a resource only after this
     * point, so the running execution is still this one.
     */
    void reconciled(ResourceSeries resource) {
        State s = state(resource);
        synchronized (s) {
            s.handled = Math.max(s.handled, s.runningCovers);
            s.reconciles++;
            s.lastInputs = s.runningInputs;
        }
    }

    public Entry of(ResourceSeries resource) {
        State s = states.get(resource);
        if (s == null) {
            return Entry.NONE;
        }
        synchronized (s) {
            return new Entry(s.received, s.handled, s.reconciles, s.lastInputs);
        }
    }

    @Override
    public void forget(ResourceSeries resource) {
        states.remove(resource);
    }

    private State state(ResourceSeries resource) {
        return states.computeIfAbsent(resource, r -> new State());
    }
}
