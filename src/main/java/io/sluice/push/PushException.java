package io.sluice.push;

/** A PushSecret cannot be pushed as specified; the message goes into the Ready condition (never a value). */
final class PushException extends RuntimeException {
    PushException(String message) {
        super(message, null, false, false);
    }
}
