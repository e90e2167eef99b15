package io.sluice.testing.aws.emulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** One immutable value of a secret with the staging labels currently attached to it. */
final class SecretVersion {

    private final String id;
    private final String string;
    private final byte[] binary;
    private final Instant created;
    private final Set<String> stages = new LinkedHashSet<>();

    SecretVersion(String id, String string, byte[] binary, Instant created) {
        this.id = id;
        this.string = string;
        this.binary = binary == null ? null : binary.clone();
        this.created = created;
    }

    String id() {
        return id;
    }

    String string() {
        return string;
    }

    byte[] binary() {
        return binary == null ? null : binary.clone();
    }

    Instant created() {
        return created;
    }

    Set<String> stages() {
        return stages;
    }

    boolean sameValueAs(String otherString, byte[] otherBinary) {
        return Objects.equals(string, otherString) && Arrays.equals(binary, otherBinary);
    }

    @Override
    public String toString() {
        return "SecretVersion[" + id + " " + stages + "]";
    }
}
