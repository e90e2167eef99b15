package io.sluice.testing.aws;

/**
 * Known, deliberate differences between a test server and real AWS. Contract tests branch on these
 * explicitly instead of weakening assertions for every server.
 */
public enum ServerQuirk {

    /** BatchGetSecretValue drops an unknown or deleted id silently instead of listing it in Errors (moto). */
    BATCH_GET_OMITS_MISSING_IDS,

    /** Any access key is accepted and signatures are not checked, so access-denied cases cannot be provoked. */
    ACCEPTS_ANY_CREDENTIALS,
}
