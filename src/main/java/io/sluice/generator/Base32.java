package io.sluice.generator;

/** RFC 4648 base32 with padding (Go's base32.StdEncoding), which the JDK lacks. */
final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {}

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length + 4) / 5 * 8);
        for (int i = 0; i < data.length; i += 5) {
            int n = Math.min(5, data.length - i);
            long block = 0;
            for (int j = 0; j < 5; j++) {
                block = (block << 8) | (j < n ? data[i + j] & 0xff : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int j = 0; j < 8; j++) {
                out.append(j < chars ? ALPHABET[(int) (block >>> (35 - 5 * j)) & 31] : '=');
            }
        }
        return out.toString();
    }
}
