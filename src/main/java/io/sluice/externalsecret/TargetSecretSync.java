package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.sluice.externalsecret.DataCollector.CollectedData;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns what a sync collected into the target Secret: render, plan against the Secret found, write. When someone
 * else changed the Secret between the read and the write (409), it is read again and the plan made again at once,
 * a few times, rather than failing the sync. A Secret that was only assumed absent ({@link TargetRead}) is read
 * before any plan but a create, and after a create that finds it there; neither counts as a conflict.
 */
final class TargetSecretSync {
    private static final Logger LOG = Logger.getLogger(TargetSecretSync.class);
    /** Writes of the target Secret tried on 409 Conflict, each on the Secret read again, before the sync fails. */
    static final int WRITE_CONFLICT_ATTEMPTS = 3;

    private final TargetRendering rendering;
    private final TargetSecretWriter secretWriter;

    TargetSecretSync(TargetRendering rendering, TargetSecretWriter secretWriter) {
        this.rendering = rendering;
        this.secretWriter = secretWriter;
    }

    /** A plan carried out, with the Secret it was planned from (null when there was none). */
    record Written(SecretPlan plan, Secret found) {}

    Written write(EffectiveSpec es, CollectedData collected, TargetRead existing) {
        String namespace = es.resource().getMetadata().getNamespace();
        Secret current = existing.secret();
        boolean assumedAbsent = existing.assumedAbsent();
        int conflicts = 0;
        while (true) {
            SecretPlan plan = plan(es, collected, current);
            if (assumedAbsent && plan.action() != SecretPlan.Action.CREATE) {
                assumedAbsent = false;
                current = secretWriter.current(namespace, es.targetName());
                continue;
            }
            try {
                secretWriter.apply(plan);
                return new Written(plan, current);
            } catch (TargetSecretWriter.SecretChanged e) {
                if (!assumedAbsent && ++conflicts == WRITE_CONFLICT_ATTEMPTS) {
                    throw new SyncException(
                            "SecretSyncedError",
                            "could not write secret " + es.targetName() + ": it changed while being written "
                                    + conflicts + " times in a row; the existing secret is kept");
                }
                assumedAbsent = false;
                LOG.debugf("%s: %s; planning again", es.resource().getMetadata().getName(), e.getMessage());
                current = secretWriter.current(namespace, es.targetName());
            }
        }
    }

    private SecretPlan plan(EffectiveSpec es, CollectedData collected, Secret read) {
        return (collected.nothingFound() ? SecretPlanner.whenNothingFound(es, read) : Optional.<SecretPlan>empty())
                .orElseGet(() -> SecretPlanner.forDesired(es, desired(es, collected), read));
    }

    /** The seam where templates render: provider data in, the Secret's content out. */
    private DesiredSecret desired(EffectiveSpec es, CollectedData collected) {
        return rendering.desired(es, collected.data());
    }
}
