package io.sluice.template.render;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string that a YAML reader would resolve to something other than a string if it were written plain:
 * booleans, nulls, numbers and timestamps of YAML 1.1 (kubectl's go-yaml, SnakeYAML) and of YAML 1.2's core schema.
 * Jackson's default quotes only the boolean and null words, so an annotation {@code 1700000000} or
 * {@code 2024-01-01T00:00:00Z} would be read back as a number or a date.
 */
final class PlainScalarQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    private static final Pattern NON_STRING = Pattern.compile(String.join(
            "|",
            // null and booleans (YAML 1.1 and 1.2)
            "",
            "~",
            "null|Null|NULL",
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            // integers: decimal, octal (0o and 1.1's leading 0), hex, binary, with 1.1's underscores and sexagesimal
            "[-+]?[0-9][0-9_]*",
            "[-+]?0o[0-7_]+",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?0b[01_]+",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
            // floats: with a dot or an exponent, infinities, not-a-number
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)",
            "[-+]?\\.(inf|Inf|INF)",
            "\\.(nan|NaN|NAN)",
            // timestamps (YAML 1.1): a date, or a date and a time with an optional fraction and zone
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
                    + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?",
            // the merge key and the value key of YAML 1.1
            "<<",
            "="));

    static final PlainScalarQuoting INSTANCE = new PlainScalarQuoting();

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || NON_STRING.matcher(value).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || NON_STRING.matcher(name).matches();
    }
}
