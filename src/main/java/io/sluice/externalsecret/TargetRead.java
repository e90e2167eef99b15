package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.externalsecret.RefreshSchedule.Reason;

/**
 * The target Secret a sync starts from. A first sync whose policy creates the Secret (Owner, Orphan) takes a miss
 * in the managed-Secrets cache as "absent" rather than asking the API server: almost always there is nothing, and
 * a create finds out for itself (409) when a Secret outside the cache is there, which is only then read.
 *
 * @param assumedAbsent the Secret was not read: {@code secret} is null because the cache had none
 */
record TargetRead(Secret secret, boolean assumedAbsent) {

    static TargetRead of(ExternalSecretEventSources sources, String namespace, EffectiveSpec es, Reason reason) {
        CreationPolicy policy = es.creationPolicy();
        if (reason == Reason.FIRST_SYNC && (policy == CreationPolicy.Owner || policy == CreationPolicy.Orphan)) {
            return sources.cachedTargetSecret(namespace, es.targetName())
                    .map(s -> new TargetRead(s, false))
                    .orElseGet(() -> new TargetRead(null, true));
        }
        return new TargetRead(sources.targetSecret(namespace, es.targetName()), false);
    }
}
