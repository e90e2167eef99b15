package io.sluice.testing.aws;

import io.sluice.testing.aws.emulator.AwsEmulator;
import java.util.Optional;
import java.util.Set;

/** The in-JVM emulator: always available, and the only server with test hooks. */
public final class EmulatorServer extends SdkBackedServer {

    private final AwsEmulator emulator;

    private EmulatorServer(AwsEmulator emulator) {
        super("emulator", emulator.endpoint());
        this.emulator = emulator;
    }

    public static EmulatorServer start() {
        return new EmulatorServer(AwsEmulator.start());
    }

    @Override
    public Set<ServerQuirk> quirks() {
        return Set.of();
    }

    @Override
    public Optional<AwsEmulator> emulator() {
        return Optional.of(emulator);
    }

    @Override
    public void reset() {
        emulator.reset();
    }

    @Override
    public void close() {
        super.close();
        emulator.close();
    }
}
