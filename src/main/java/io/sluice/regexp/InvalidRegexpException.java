package io.sluice.regexp;

/**
 * A tenant-supplied regular expression is refused. The message names the field and the rule (or RE2's
 * parse error, which quotes only the pattern); it never quotes a subject the pattern was matched against.
 */
public final class InvalidRegexpException extends IllegalArgumentException {
    InvalidRegexpException(String message) {
        super(message);
    }
}
