package io.sluice.provider.aws;

import io.sluice.provider.ProviderConfigurationException;
import java.util.regex.Pattern;

/**
 * {@code remoteRef.version} in Parameter Store terms: none (the latest version), a version number or a label, sent
 * as AWS's selector {@code name:<n>} / {@code name:<label>}. Labels are checked against AWS's rules here so that a
 * bad one is a configuration error naming the field rather than a call AWS refuses.
 */
record ParameterSelector(String name, String version) {
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_.\\-][A-Za-z0-9_.\\-]{0,99}");

    static ParameterSelector of(String name, String version) {
        if (version == null || version.isEmpty()) {
            return new ParameterSelector(name, null);
        }
        if (!NUMBER.matcher(version).matches() && !LABEL.matcher(version).matches()) {
            throw new ProviderConfigurationException("version \"" + clip(version) + "\" of parameter " + name
                    + " is neither a version number nor a parameter label (letters, digits, '.', '-' and '_', at"
                    + " most 100, not starting with a digit)");
        }
        return new ParameterSelector(name, version);
    }

    /** What GetParameter and GetParameters take as the name. */
    String selector() {
        return version == null ? name : name + ":" + version;
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
