package io.sluice.kube;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The text Go's {@code fmt.Sprintf("%+v", value)} prints for the few value shapes ESO hashes, so that Sluice's
 * hashes equal ESO's. Go prints a map as {@code map[k1:v1 k2:v2]} with its keys in byte order, a byte slice as
 * its unsigned decimal bytes {@code [104 105]}, a string as it is, and a nil map like an empty one.
 */
final class GoFormat {
    /** Go compares strings byte by byte, which differs from Java's UTF-16 order above U+FFFF. */
    private static final Comparator<String> GO_STRING_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private GoFormat() {}

    /** {@code map[string][]byte}, e.g. {@code map[a:[49] b:[]]}. */
    static String byteMap(Map<String, byte[]> map) {
        StringBuilder out = new StringBuilder("map[");
        sortedKeys(map).forEach(key -> {
            if (out.length() > 4) {
                out.append(' ');
            }
            out.append(key).append(':');
            appendBytes(out, map.get(key));
        });
        return out.append(']').toString();
    }

    /** {@code map[string]string}, e.g. {@code map[app:web tier:db]}. */
    static String stringMap(Map<String, String> map) {
        StringBuilder out = new StringBuilder("map[");
        sortedKeys(map).forEach(key -> {
            if (out.length() > 4) {
                out.append(' ');
            }
            out.append(key).append(':').append(map.get(key));
        });
        return out.append(']').toString();
    }

    private static List<String> sortedKeys(Map<String, ?> map) {
        return map == null
                ? List.of()
                : map.keySet().stream().sorted(GO_STRING_ORDER).toList();
    }

    private static void appendBytes(StringBuilder out, byte[] bytes) {
        out.append('[');
        for (int i = 0; bytes != null && i < bytes.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(bytes[i] & 0xff);
        }
        out.append(']');
    }
}
