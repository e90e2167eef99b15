package io.sluice.runtime;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Hands the Lease back so that a standby takes over at once instead of waiting out the lease duration. JOSDK 5.3
 * builds fabric8's elector with {@code releaseOnCancel} off (it needs the stop callback in every case), so nobody
 * else does. Clears the holder the way client-go and fabric8 release: no holder, a one-second duration.
 */
public class LeaseRelease {
    private static final Logger LOG = Logger.getLogger(LeaseRelease.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String identity;

    public LeaseRelease(KubernetesClient client, String namespace, String name, String identity) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.identity = identity;
    }

    /** @return whether this replica still held the Lease and gave it up */
    public boolean release() {
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(name).get();
            if (lease == null
                    || lease.getSpec() == null
                    || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return false;
            }
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setAcquireTime(now);
            lease.getSpec().setRenewTime(now);
            // an update carries the resourceVersion read: a replica that took the Lease meanwhile keeps it (409)
            client.resource(lease).update();
            LOG.infof("leader election: released the Lease %s/%s", namespace, name);
            return true;
        } catch (KubernetesClientException e) {
            LOG.warnf(
                    "leader election: could not release the Lease %s/%s (HTTP %d); a standby takes over when it"
                            + " expires",
                    namespace, name, e.getCode());
            return false;
        }
    }
}
