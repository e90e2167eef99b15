package io.sluice.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * ESO's hashes, bit for bit: SHA3-224 in hex of the text Go's {@code %+v} prints for the value (ESO's
 * {@code esutils.ObjectHash}). Equal hashes are what let Sluice take over the Secrets and statuses ESO left
 * behind, and ESO take back Sluice's, without rewriting them.
 */
public final class Hashes {
    private Hashes() {}

    /** The {@code reconcile.external-secrets.io/data-hash} annotation: ESO's hash of the Secret's final data. */
    public static String ofData(Map<String, byte[]> data) {
        return sha3(GoFormat.byteMap(data));
    }

    /**
     * ESO's {@code hashMeta}: the hash of a Go struct {@code {annotations, labels}}, which is the second half of
     * {@code status.syncedResourceVersion} ({@code <generation>-<hash>}).
     */
    public static String ofMetadata(Map<String, String> labels, Map<String, String> annotations) {
        return sha3("{annotations:" + GoFormat.stringMap(annotations) + " labels:" + GoFormat.stringMap(labels) + "}");
    }

    /** ESO's hash of a string (Go prints a string as it is), as in the {@code created-by} label. */
    public static String sha3(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA3-224");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-224 is part of every Java 9+ runtime", e);
        }
    }
}
