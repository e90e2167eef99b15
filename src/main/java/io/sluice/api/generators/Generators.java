package io.sluice.api.generators;

/** ESO's generator API group, {@code generators.external-secrets.io/v1alpha1}. */
public final class Generators {
    public static final String GROUP = "generators.external-secrets.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private Generators() {}
}
