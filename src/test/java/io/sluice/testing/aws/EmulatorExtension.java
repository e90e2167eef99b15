package io.sluice.testing.aws;

import io.sluice.testing.aws.emulator.AwsEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-JVM emulator for a test class: started before its first test, reset before each test (before the class's
 * own {@code @BeforeEach}), closed after its last. Register it on a static field:
 * {@code @RegisterExtension static final EmulatorExtension EMULATOR = new EmulatorExtension();}
 */
public final class EmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private EmulatorServer server;

    /** The running server; only between the class's first and last test. */
    public EmulatorServer server() {
        if (server == null) {
            throw new IllegalStateException("the emulator runs only while the test class does");
        }
        return server;
    }

    /** The emulator's test hooks (faults, call counts, identities). */
    public AwsEmulator emulator() {
        return server().emulator().orElseThrow();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmulatorServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
