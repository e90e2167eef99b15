package io.sluice.testing.aws.emulator;

/**
 * An AWS error as the service reports it: an error code (the SDK maps it to a typed exception), an HTTP
 * status and a message. Each protocol handler renders it in its own wire shape (JSON or XML).
 */
public final class AwsError extends RuntimeException {

    private final String code;
    private final int status;

    public AwsError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public static AwsError badRequest(String code, String message) {
        return new AwsError(code, 400, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
