package io.sluice.regexp;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression written by a tenant ({@code find.name.regexp}, {@code rewrite.regexp.source},
 * {@code namespaceRegexes}), compiled with RE2/J: Go's RE2 syntax, which ESO uses, and matching in time
 * linear in the subject, so no pattern can backtrack without bound. The compiled program is bounded too,
 * which bounds both memory and the cost of each match: at most {@value #MAX_LENGTH} characters and
 * {@value #MAX_PROGRAM_SIZE} RE2 instructions.
 */
public final class TenantRegexp {
    public static final int MAX_LENGTH = 1024;
    public static final int MAX_PROGRAM_SIZE = 4096;
    /** Refused before compiling: above this, counted repetitions could exhaust the heap while compiling. */
    static final long MAX_ESTIMATED_SIZE = 25L * MAX_PROGRAM_SIZE;

    private final Pattern pattern;

    private TenantRegexp(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @param field where the pattern comes from, for the error message ({@code dataFrom[0].find.name.regexp})
     * @throws InvalidRegexpException when the pattern is too long, too large or not valid RE2 syntax
     */
    public static TenantRegexp compile(String field, String source) {
        if (source.length() > MAX_LENGTH) {
            throw new InvalidRegexpException(field + " is longer than " + MAX_LENGTH + " characters");
        }
        if (RepetitionSize.exceeds(source, MAX_ESTIMATED_SIZE)) {
            throw tooLarge(field);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new InvalidRegexpException(field + " is not a valid regular expression: " + e.getMessage());
        }
        if (pattern.programSize() > MAX_PROGRAM_SIZE) {
            throw tooLarge(field);
        }
        return new TenantRegexp(pattern);
    }

    private static InvalidRegexpException tooLarge(String field) {
        return new InvalidRegexpException(
                field + " is too large: its repetitions expand to more than " + MAX_PROGRAM_SIZE + " instructions");
    }

    /** Whether the pattern matches anywhere in the subject (Go's {@code MatchString}). */
    public boolean find(String subject) {
        return pattern.matcher(subject).find();
    }

    public Pattern pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
