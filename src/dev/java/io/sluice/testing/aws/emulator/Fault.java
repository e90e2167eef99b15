package io.sluice.testing.aws.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the emulator does to a call instead of (or before) serving it: answer with an AWS error, answer late,
 * or drop the connection without answering.
 */
public sealed interface Fault {

    /** Answers with this AWS error code and HTTP status (e.g. ThrottlingException, 400). */
    record ErrorReply(String code, int status) implements Fault {
        public ErrorReply {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Serves the call normally, after this delay: a slow service, or a timeout when longer than the caller waits. */
    record SlowReply(Duration delay) implements Fault {
        public SlowReply {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Closes the connection without sending a status line: the caller sees an I/O error. */
    record ConnectionDrop() implements Fault {}

    static Fault error(String code, int status) {
        return new ErrorReply(code, status);
    }

    /** A throttling burst, as Secrets Manager answers it. */
    static Fault throttling() {
        return error("ThrottlingException", 400);
    }

    /** A 5xx answer: 500 InternalServiceError, 503 ServiceUnavailable, ... */
    static Fault serverError(int status) {
        return error(status == 503 ? "ServiceUnavailable" : "InternalServiceError", status);
    }

    /** Temporary credentials that have expired. */
    static Fault expiredToken() {
        return error("ExpiredTokenException", 400);
    }

    /** An access key AWS does not know (revoked or mistyped). */
    static Fault invalidClientTokenId() {
        return error("InvalidClientTokenId", 403);
    }

    static Fault slow(Duration delay) {
        return new SlowReply(delay);
    }

    static Fault connectionDrop() {
        return new ConnectionDrop();
    }
}
