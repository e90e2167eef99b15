package io.sluice.template.functions;

/** PKCS#12 password encodings as go-pkcs12 makes them. */
final class Passwords {
    private Passwords() {}

    /** UTF-16 big-endian followed by two zero bytes; the empty password is just the two zero bytes. */
    static byte[] bmpZeroTerminated(String password) {
        byte[] out = new byte[password.length() * 2 + 2];
        for (int i = 0; i < password.length(); i++) {
            out[i * 2] = (byte) (password.charAt(i) >> 8);
            out[i * 2 + 1] = (byte) password.charAt(i);
        }
        return out;
    }
}
