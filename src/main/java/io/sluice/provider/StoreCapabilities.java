package io.sluice.provider;

/** What a store can do, reported in {@code status.capabilities}. */
public enum StoreCapabilities {
    ReadOnly,
    WriteOnly,
    ReadWrite
}
