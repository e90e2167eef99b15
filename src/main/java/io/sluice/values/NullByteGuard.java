package io.sluice.values;

import io.sluice.api.v1.RemoteRef.NullBytePolicy;
import java.util.Map;
import java.util.TreeMap;

/** {@code nullBytePolicy}: {@code Fail} rejects values that contain a NUL byte; unset or {@code Ignore} allows them. */
public final class NullByteGuard {

    private NullByteGuard() {}

    /** Throws when the policy is {@code Fail} and the value has a NUL byte; {@code key} names it in the message. */
    public static void check(NullBytePolicy policy, String key, byte[] value) {
        if (policy == NullBytePolicy.Fail && value != null && containsNul(value)) {
            throw new ExtractionException.NullBytes("fetched secret value for key \"" + key + "\" contains null bytes");
        }
    }

    /** Checks every entry; the first offending key in sorted order is reported, as ESO does. */
    public static void checkAll(NullBytePolicy policy, Map<String, byte[]> values) {
        if (policy == NullBytePolicy.Fail) {
            new TreeMap<>(values).forEach((key, value) -> check(policy, key, value));
        }
    }

    private static boolean containsNul(byte[] value) {
        for (byte b : value) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
