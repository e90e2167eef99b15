package io.sluice.kube;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * What every reconciler's {@code updateErrorStatus} does with an exception its reconcile did not turn into a
 * status itself: Ready=False with a reason and a message safe to show ({@link ApiErrors#describeUnexpected}),
 * a Warning Event when that changes the status, a log line, and another attempt after a capped, jittered
 * backoff.
 * <p>
 * The next attempt is scheduled here ({@code rescheduleAfter}), not left to JOSDK's retry, which gives a resource
 * up after 5 attempts: an unexpected error must never leave a resource unreconciled until its next change. The
 * status goes through {@link PrimaryWrites}, locked on the version the reconcile read, and only when it changed.
 */
public final class UnhandledErrorStatus<S, P extends CustomResource<?, S>> {
    /** Event reason, and condition reason where the kind has no fixed one, for a failed Kubernetes API call. */
    public static final String KUBERNETES_API_ERROR = "KubernetesAPIError";
    /** Event reason, and condition reason where the kind has no fixed one, for any other unexpected error. */
    public static final String UNEXPECTED_ERROR = "UnexpectedError";

    private static final Logger LOG = Logger.getLogger(UnhandledErrorStatus.class);
    private static final String BACKOFF_MARKER = "unhandled-error";

    /** The kind's status with Ready=False, {@code reason} and {@code message}, the rest kept. */
    @FunctionalInterface
    public interface FailedStatus<P, S> {
        S of(P resource, String reason, String message);
    }

    private final EventRecorder events;
    private final FailureBackoff backoff;
    private final String conditionReason;
    private final FailedStatus<P, S> failedStatus;
    private final BiConsumer<P, S> reported;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param conditionReason the Ready reason the kind always uses for failures (ESO's {@code SecretSyncedError},
     *        {@code Errored}); null to use the event's reason
     * @param reported told of every status built here (condition metrics, say), written or not
     */
    public UnhandledErrorStatus(
            EventRecorder events,
            FailureBackoff backoff,
            String conditionReason,
            FailedStatus<P, S> failedStatus,
            BiConsumer<P, S> reported) {
        this.events = events;
        this.backoff = backoff;
        this.conditionReason = conditionReason;
        this.failedStatus = failedStatus;
        this.reported = reported;
    }

    public ErrorStatusUpdateControl<P> handle(P resource, Context<P> context, Exception thrown) {
        Throwable error = unwrapped(thrown);
        ResourceID id = ResourceID.fromResource(resource);
        if (error instanceof PrimaryWrites.WriteFailed
                && ApiErrors.kubernetesCause(error).getCode() == 404) {
            LOG.debugf("%s %s: deleted while it was reconciled", resource.getKind(), id);
            backoff.forget(id);
            return ErrorStatusUpdateControl.<P>noStatusUpdate().withNoRetry();
        }
        String reason = ApiErrors.kubernetesCause(error) != null ? KUBERNETES_API_ERROR : UNEXPECTED_ERROR;
        String message = ApiErrors.describeUnexpected(error);
        Duration delay = backoff.failed(id, BACKOFF_MARKER, clock.instant());
        LOG.warnf(
                "%s %s: reconcile failed (%s): %s [%s]; next attempt in %d ms",
                resource.getKind(), id, reason, message, origin(error), delay.toMillis());
        S next = failedStatus.of(resource, conditionReason == null ? reason : conditionReason, message);
        reported.accept(resource, next);
        if (!next.equals(resource.getStatus())) {
            events.warning(resource, reason, message);
            try {
                PrimaryWrites.patchStatus(resource, next, context); // on a conflict, the change's event reconciles
            } catch (RuntimeException e) {
                LOG.warnf(
                        "%s %s: could not write the error status: %s",
                        resource.getKind(), id, ApiErrors.describeUnexpected(e));
            }
        }
        return ErrorStatusUpdateControl.<P>noStatusUpdate().rescheduleAfter(delay);
    }

    /** A successful reconcile: the next failure starts the backoff again from its first delay. */
    public void succeeded(ResourceID id) {
        backoff.succeeded(id);
    }

    /** The reconcile's own exception: JOSDK's metrics wrap it in an OperatorException. */
    static Throwable unwrapped(Exception thrown) {
        Throwable error = thrown;
        while (error instanceof OperatorException && error.getCause() != null && error.getCause() != error) {
            error = error.getCause();
        }
        return error;
    }

    /** Where the error was thrown (class, method, line): the exception's own text may quote values, this cannot. */
    static String origin(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        StackTraceElement first = frames.length == 0 ? null : frames[0];
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("io.sluice.")) {
                first = frame;
                break;
            }
        }
        String type = error.getClass().getName();
        return first == null ? type : type + " at " + first;
    }
}
