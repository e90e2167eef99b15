package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.SyncWindows;
import io.sluice.api.v1.TemplateMetadata;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UnsupportedFieldsTest {

    @Test
    void aSpecWithoutUnsupportedFieldsPasses() {
        assertEquals(List.of(), UnsupportedFields.of(spec(s -> {})));
        assertEquals(List.of(), UnsupportedFields.of(spec(s -> s.target.template.engineVersion = "v2")));
        assertEquals(List.of(), UnsupportedFields.of(spec(s -> s.target.template.metadata.finalizers = List.of())));
    }

    @Test
    void eachUnsupportedFieldIsNamed() {
        assertNamed(
                spec(s -> s.target.manifest = new ExternalSecretTarget.ManifestReference()), "spec.target.manifest");
        assertNamed(spec(s -> s.syncWindows = new SyncWindows()), "spec.syncWindows");
        assertNamed(spec(s -> s.target.template.engineVersion = "v1"), "spec.target.template.engineVersion v1");
        assertNamed(
                spec(s -> s.target.template.metadata.finalizers = List.of("example.com/keep")),
                "spec.target.template.metadata.finalizers");
    }

    @Test
    void rejectNamesEveryUnsupportedFieldAndSaysTheSecretStays() {
        ExternalSecretSpec both = spec(s -> {
            s.syncWindows = new SyncWindows();
            s.target.template.engineVersion = "v1";
        });
        SyncException e = assertThrows(SyncException.class, () -> UnsupportedFields.reject(both));
        assertEquals("SecretSyncedError", e.reason());
        assertTrue(
                e.getMessage().contains("spec.syncWindows") && e.getMessage().contains("engineVersion v1"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("the Secret is left as it is"), e.getMessage());
    }

    private static void assertNamed(ExternalSecretSpec spec, String field) {
        List<String> found = UnsupportedFields.of(spec);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(field), found.get(0));
    }

    private static ExternalSecretSpec spec(Consumer<ExternalSecretSpec> change) {
        ExternalSecretSpec spec = new ExternalSecretSpec();
        spec.target = new ExternalSecretTarget();
        spec.target.template = new ExternalSecretTemplate();
        spec.target.template.metadata = new TemplateMetadata();
        change.accept(spec);
        return spec;
    }
}
