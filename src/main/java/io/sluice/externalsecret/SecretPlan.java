package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;

/**
 * What a sync does to the target Secret, decided by {@link SecretPlanner} before anything is written.
 *
 * @param secret the Secret to create or write (CREATE, UPDATE, REPLACE), the one to delete (DELETE), else null
 * @param replaced for REPLACE, the Secret as found: deleted only if unchanged, and restored if the create fails
 */
record SecretPlan(Action action, Secret secret, Secret replaced) {

    enum Action {
        /** The Secret does not exist and is created. */
        CREATE,
        /** The Secret exists and its content changes. */
        UPDATE,
        /**
         * The type of a Secret this ExternalSecret controls changes, which Kubernetes does not allow in place:
         * delete, then create.
         */
        REPLACE,
        /** The Secret already has the wanted content. */
        UNCHANGED,
        /** creationPolicy None: Sluice never writes the Secret. */
        SKIPPED,
        /** The provider returned nothing and deletionPolicy Retain keeps the Secret as it is. */
        RETAINED,
        /** The provider returned nothing and deletionPolicy Delete deletes this ExternalSecret's Secret. */
        DELETE,
        /** As DELETE, but there is no Secret to delete. */
        ALREADY_DELETED;

        boolean writes() {
            return this == CREATE || this == UPDATE || this == REPLACE || this == DELETE;
        }
    }

    SecretPlan(Action action, Secret secret) {
        this(action, secret, null);
    }

    static SecretPlan of(Action action) {
        return new SecretPlan(action, null);
    }

    /** Whether a target Secret exists once the plan is carried out, given the one found before (or null). */
    boolean leavesSecret(Secret found) {
        return switch (action) {
            case DELETE, ALREADY_DELETED -> false;
            case RETAINED -> found != null;
            default -> true;
        };
    }
}
