package io.sluice.externalsecret;

import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields the CRD accepts (they are ESO's) that Sluice does not implement yet. Each one fails the sync with a
 * condition that names it, and the existing Secret stays as it is: ignoring them would write something other
 * than what was asked for (a Secret instead of a ConfigMap, refreshes inside a deny window, a Secret without its
 * finalizers, a v1 template read as v2).
 */
final class UnsupportedFields {
    private UnsupportedFields() {}

    /** The unsupported fields the spec sets, each as a message; empty when there are none. */
    static List<String> of(ExternalSecretSpec spec) {
        List<String> found = new ArrayList<>();
        if (spec.target != null && spec.target.manifest != null) {
            found.add(
                    "spec.target.manifest (a target other than a Secret) is not supported by Sluice: it writes Secrets only");
        }
        if (spec.syncWindows != null) {
            found.add(
                    "spec.syncWindows is not supported by Sluice yet: remove it, or refreshes would run inside its windows");
        }
        ExternalSecretTemplate template = spec.target == null ? null : spec.target.template;
        if (template != null && template.engineVersion != null && !template.engineVersion.equals("v2")) {
            found.add("spec.target.template.engineVersion "
                    + (template.engineVersion.equals("v1") ? "v1" : "other than v2")
                    + " is not supported by Sluice: it renders ESO's v2 templates");
        }
        if (template != null
                && template.metadata != null
                && template.metadata.finalizers != null
                && !template.metadata.finalizers.isEmpty()) {
            found.add("spec.target.template.metadata.finalizers is not supported by Sluice yet");
        }
        return found;
    }

    /** Throws when the spec sets an unsupported field, before anything is fetched or written. */
    static void reject(ExternalSecretSpec spec) {
        List<String> found = of(spec);
        if (!found.isEmpty()) {
            throw new SyncException("SecretSyncedError", String.join("; ", found) + "; the Secret is left as it is");
        }
    }
}
