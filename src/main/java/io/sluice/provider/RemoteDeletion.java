package io.sluice.provider;

/** What deleting a pushed value did. */
public enum RemoteDeletion {
    /** The value (or the property) was removed. */
    DELETED,
    /** There was nothing to delete. */
    ABSENT,
    /** The remote secret exists but was not created by Sluice or ESO: it is left alone. */
    KEPT_UNMANAGED
}
