package io.sluice.generator;

/** A generator that cannot run: a bad reference or spec. Its message never holds a generated value. */
public final class GeneratorException extends RuntimeException {
    public GeneratorException(String message) {
        super(message, null, false, false);
    }
}
