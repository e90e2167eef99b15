package io.sluice.template.functions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A binary value that is not valid UTF-8 (a PKCS#12 keystore, a DER blob). Go templates carry such
 * values in strings unchanged; Java strings cannot, so they travel as {@code Bytes} and are written
 * to the Secret byte for byte. {@link #toString()} never shows the content.
 */
public final class Bytes {
    private final byte[] content;

    private Bytes(byte[] content) {
        this.content = content.clone();
    }

    /** A String when {@code raw} is valid UTF-8, otherwise a {@code Bytes}. */
    public static Object of(byte[] raw) {
        return utf8(raw).<Object>map(s -> s).orElseGet(() -> new Bytes(raw));
    }

    public static Optional<String> utf8(byte[] raw) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    public byte[] content() {
        return content.clone();
    }

    public int length() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b && Arrays.equals(content, b.content);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "<binary, " + content.length + " bytes>";
    }
}
