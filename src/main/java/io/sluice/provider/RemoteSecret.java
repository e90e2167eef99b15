package io.sluice.provider;

import java.nio.charset.StandardCharsets;

/** A raw remote value. Its {@link #toString()} never shows the value. */
public record RemoteSecret(byte[] value) {

    public static RemoteSecret ofString(String value) {
        return new RemoteSecret(value.getBytes(StandardCharsets.UTF_8));
    }

    public String asString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RemoteSecret[" + value.length + " bytes]";
    }
}
