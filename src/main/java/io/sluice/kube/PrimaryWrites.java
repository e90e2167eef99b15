package io.sluice.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A reconciler's writes to its own primary resource, always locked on the resourceVersion the reconcile read.
 * <p>
 * Why not {@code UpdateControl.patchStatus} or {@code ResourceOperations.addFinalizer}: JOSDK 5.3 drops every
 * event of the primary that is not newer than the operator's own last write (TemporaryResourceCache and
 * EventFilterDetails.getLatestEventAfterLastUpdateEvent compare resourceVersions). Without SSA, patchStatus
 * sends no resourceVersion (ReconciliationDispatcher.editStatus clears it), and addFinalizer re-reads and
 * retries on a conflict; either way the write can land on top of a change someone else made after the reconcile
 * read the resource, and that change's event is then dropped: a spec edit is never reconciled, a deletion never
 * cleaned up. Locked, such a write is refused with 409 instead, and the change's event goes through. Upstream:
 * operator-framework/java-operator-sdk#3398, fixed after 5.3.2 by #3414 and #3484 (own-write filtering only for
 * locked writes).
 * <p>
 * After a successful write the primary carries the new resourceVersion, so the reconcile's next write is locked
 * on it rather than conflicting with its own first write. Any other failure is a {@link WriteFailed}: it ends the
 * reconcile and JOSDK retries it, as it did for its own status patch, and a reconciler catching the client's
 * exceptions for its other writes does not take it for one of those.
 */
public final class PrimaryWrites {
    /**
     * The change that caused a conflict reconciles the resource at once through its event; the recheck covers a
     * reconcile that still read the version before a status {@link #recordStatus} wrote past JOSDK's cache.
     */
    static final Duration RECHECK_AFTER_CONFLICT = Duration.ofSeconds(2);

    private static final int MAX_RECORD_ATTEMPTS = 5;

    private PrimaryWrites() {}

    /**
     * Patches the primary's metadata (finalizers, labels, annotations) with {@code change}; on success the primary
     * carries the written metadata.
     *
     * @return false when the primary changed since the reconcile read it: nothing was written
     */
    public static <P extends HasMetadata> boolean patch(P primary, Context<P> context, UnaryOperator<P> change) {
        return locked(
                primary,
                () -> context.resourceOperations().jsonPatchPrimary(primary, change),
                written -> primary.setMetadata(written.getMetadata()));
    }

    /**
     * Writes {@code status} as the primary's status subresource.
     *
     * @return false when the primary changed since the reconcile read it: nothing was written
     */
    public static <S, P extends CustomResource<?, S>> boolean patchStatus(P primary, S status, Context<P> context) {
        return locked(
                primary,
                () -> context.resourceOperations().jsonPatchPrimaryStatus(primary, p -> {
                    p.setStatus(status);
                    return p;
                }),
                written -> {
                    primary.getMetadata()
                            .setResourceVersion(written.getMetadata().getResourceVersion());
                    primary.setStatus(status);
                });
    }

    /**
     * Like {@link #patchStatus}, for a status that is the only record of what the reconcile did outside the
     * cluster (values pushed to a provider), so it must not be lost when the primary changed meanwhile (a spec
     * edit, say). The status is then written onto the latest version, read from the server, provided its status
     * is still the one this reconcile started from: otherwise the reconcile worked from an outdated record, and the
     * next one (see {@link #afterConflict}) starts from the latest. That write bypasses JOSDK's own-write
     * filtering, so the change's event still reaches the reconciler.
     *
     * @return false when the primary changed since the reconcile read it (the status may be written nonetheless)
     */
    public static <S, P extends CustomResource<?, S>> boolean recordStatus(P primary, S status, Context<P> context) {
        S startedFrom = primary.getStatus();
        if (patchStatus(primary, status, context)) {
            return true;
        }
        KubernetesSerialization json = context.getClient().getKubernetesSerialization();
        for (int attempt = 0; attempt < MAX_RECORD_ATTEMPTS; attempt++) {
            P latest = context.getClient().resource(primary).get();
            if (latest == null
                    || !Objects.equals(
                            json.convertValue(latest.getStatus(), JsonNode.class),
                            json.convertValue(startedFrom, JsonNode.class))) {
                return false;
            }
            try {
                context.getClient().resource(latest).editStatus(p -> {
                    p.setStatus(status);
                    return p;
                });
                return false;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw new WriteFailed(primary, e);
                }
            }
        }
        return false;
    }

    /** What a reconcile returns when its write was refused because the primary changed meanwhile. */
    public static <P extends HasMetadata> UpdateControl<P> afterConflict() {
        return UpdateControl.<P>noUpdate().rescheduleAfter(RECHECK_AFTER_CONFLICT);
    }

    /** A write to the primary failed for another reason than a conflict. */
    public static final class WriteFailed extends RuntimeException {
        WriteFailed(HasMetadata primary, KubernetesClientException cause) {
            super(
                    "could not write " + primary.getKind() + " "
                            + (primary.getMetadata().getNamespace() == null
                                    ? ""
                                    : primary.getMetadata().getNamespace() + "/")
                            + primary.getMetadata().getName() + ": "
                            + ApiErrors.describe(cause),
                    cause);
        }
    }

    private static <P extends HasMetadata> boolean locked(P primary, Supplier<P> write, Consumer<P> onWritten) {
        if (primary.getMetadata().getResourceVersion() == null) {
            throw new IllegalArgumentException("a primary resource without resourceVersion cannot be written locked");
        }
        P written;
        try {
            written = write.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw new WriteFailed(primary, e);
        }
        onWritten.accept(written);
        return true;
    }
}
