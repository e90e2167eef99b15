package io.sluice.values;

/**
 * Why a fetched remote value could not become Secret data. Each subtype carries a stable {@link #reason()}
 * for status conditions. Messages name keys, properties and strategies; they never carry a secret value,
 * and no subtype keeps a cause, because parser and decoder errors quote fragments of their input.
 */
public abstract sealed class ExtractionException extends RuntimeException {

    private final String reason;

    private ExtractionException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** Short machine-friendly reason for status conditions and metrics. */
    public String reason() {
        return reason;
    }

    /** {@code remoteRef.property} does not exist, uses unsupported syntax, or the value is not JSON. */
    public static final class InvalidProperty extends ExtractionException {
        InvalidProperty(String message) {
            super("InvalidProperty", message);
        }
    }

    /** {@code dataFrom.extract} read a value that is not a JSON object. */
    public static final class InvalidJson extends ExtractionException {
        InvalidJson(String message) {
            super("InvalidJson", message);
        }
    }

    /** The value is not valid for its {@code decodingStrategy}. */
    public static final class DecodingFailed extends ExtractionException {
        DecodingFailed(String message) {
            super("DecodingFailed", message);
        }
    }

    /** {@code nullBytePolicy: Fail} and the value contains a NUL byte. */
    public static final class NullBytes extends ExtractionException {
        NullBytes(String message) {
            super("NullBytes", message);
        }
    }

    /** A resulting key is not a valid Secret key. */
    public static final class InvalidKey extends ExtractionException {
        InvalidKey(String message) {
            super("InvalidKey", message);
        }
    }

    /** Two keys of one dataFrom entry end up with the same name. */
    public static final class DuplicateKey extends ExtractionException {
        DuplicateKey(String message) {
            super("DuplicateKey", message);
        }
    }

    /** A rewrite is malformed: a regexp that does not compile, a template that does not parse or render. */
    public static final class InvalidRewrite extends ExtractionException {
        InvalidRewrite(String message) {
            super("InvalidRewrite", message);
        }
    }

    /** A rewrite uses a construct Sluice does not implement (merge, Go template features beyond the basics). */
    public static final class UnsupportedRewrite extends ExtractionException {
        UnsupportedRewrite(String message) {
            super("UnsupportedRewrite", message);
        }
    }
}
