package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.externalsecret.SecretPlan.Action;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Secret missing after a sync that left none on purpose (deleted by policy, or nothing found under Retain) is
 * not "repaired"; one missing after a sync that wrote it is. The fact comes from the status the writer built, not
 * from the wording of its message.
 */
class NoSecretOnPurposeTest {
    private final ExternalSecretStatusWriter writer = new ExternalSecretStatusWriter(Clock.systemUTC());

    @Test
    void aSecretDeletedByPolicyIsNotRecreated() {
        assertFalse(SecretPlanner.needsRepair(afterSync(Action.DELETE, secret()), null));
        assertFalse(SecretPlanner.needsRepair(afterSync(Action.ALREADY_DELETED, null), null));
    }

    @Test
    void nothingFoundUnderRetainWithNoSecretLeavesNoneToRepair() {
        EffectiveSpec es = afterSync(Action.RETAINED, null);
        assertNull(es.resource().getStatus().binding);
        assertEquals(
                ExternalSecretStatusWriter.MESSAGE_RETAINED,
                es.resource().getStatus().conditions.get(0).message);
        assertFalse(SecretPlanner.needsRepair(es, null));
    }

    @Test
    void aRetainedSecretDeletedBehindSluicesBackIsRepaired() {
        EffectiveSpec es = afterSync(Action.RETAINED, secret());
        assertEquals("app", es.resource().getStatus().binding.name);
        assertTrue(SecretPlanner.needsRepair(es, null));
    }

    @Test
    void aWrittenSecretDeletedBehindSluicesBackIsRepaired() {
        assertTrue(SecretPlanner.needsRepair(afterSync(Action.CREATE, null), null));
        assertTrue(SecretPlanner.needsRepair(afterSync(Action.UNCHANGED, secret()), null));
    }

    @Test
    void aFailedSyncAfterADeletionIsNotTakenForOne() {
        EffectiveSpec es = afterSync(Action.DELETE, secret());
        es.resource().setStatus(writer.failed(es.resource(), "SecretSyncedError", "boom"));
        assertTrue(SecretPlanner.needsRepair(es, null));
    }

    /** The ExternalSecret with the status its last sync wrote: plan {@code action} on the Secret {@code found}. */
    private EffectiveSpec afterSync(Action action, Secret found) {
        ExternalSecret resource = new ExternalSecret();
        resource.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName("app")
                .withUid("uid")
                .build());
        resource.setSpec(new ExternalSecretSpec());
        resource.getSpec().target = new ExternalSecretTarget();
        resource.getSpec().target.creationPolicy = CreationPolicy.Owner;
        EffectiveSpec es = new EffectiveSpec(resource, Duration.ofHours(1));
        SecretPlan plan = SecretPlan.of(action);
        ExternalSecretStatus status =
                writer.synced(resource, "1", plan.leavesSecret(found) ? es.targetName() : null, true, plan);
        resource.setStatus(status);
        return es;
    }

    private static Secret secret() {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("app")
                .endMetadata()
                .build();
    }
}
