package io.sluice.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.InlineQualifiedNames.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Main code names types through imports, not inline by their fully qualified name: one way to write a type,
 * and the imports list what a class depends on. A fully qualified name stays only where two types of the same
 * simple name meet in one file.
 */
class InlineQualifiedNamesTest {
    private static final Path MAIN = Path.of("src", "main", "java");

    @Test
    void mainCodeNamesTypesThroughImports() {
        InlineQualifiedNames scan = InlineQualifiedNames.scan(MAIN);

        assertTrue(scan.filesScanned > 100, "positive control: the scan read the sources (" + scan.filesScanned + ")");
        assertTrue(
                scan.findings.isEmpty(),
                "types named inline by their fully qualified name:"
                        + scan.findings.stream()
                                .map(f -> "\n  " + MAIN.resolve(f.file()) + ":" + f.line() + ": " + f.name())
                                .collect(Collectors.joining())
                        + "\nimport these types and use their simple names; keep a fully qualified name only where"
                        + " another type of the same simple name is imported, declared in the file or in its package");
    }

    @Test
    void theScanFindsInlineNamesInCodeAndJavadocReferences() {
        InlineQualifiedNames scan = new InlineQualifiedNames();
        scan.scanSource("Sample.java", """
                package io.sluice.sample;

                import java.util.List;
                import static java.util.Objects.requireNonNull;

                /** Uses {@link io.sluice.kube.SecretData} and {@link List}. */
                @jakarta.annotation.Nullable
                class Sample {
                    private final io.fabric8.kubernetes.client.KubernetesClient client;

                    /** @throws java.io.UncheckedIOException when reading fails */
                    java.util.Set<String> names(List<java.util.Map<String, String>> rows) throws java.io.IOException {
                        var seen = new java.util.TreeSet<String>();
                        return java.util.Objects.equals(rows, null) ? java.util.Set.of() : seen;
                    }
                }
                """, Set.of());

        assertEquals(
                List.of(
                        new Finding("Sample.java", 7, "jakarta.annotation.Nullable"),
                        new Finding("Sample.java", 9, "io.fabric8.kubernetes.client.KubernetesClient"),
                        new Finding("Sample.java", 12, "java.util.Set"),
                        new Finding("Sample.java", 12, "java.util.Map"),
                        new Finding("Sample.java", 12, "java.io.IOException"),
                        new Finding("Sample.java", 13, "java.util.TreeSet"),
                        new Finding("Sample.java", 14, "java.util.Objects"),
                        new Finding("Sample.java", 14, "java.util.Set"),
                        new Finding("Sample.java", 6, "io.sluice.kube.SecretData"),
                        new Finding("Sample.java", 11, "java.io.UncheckedIOException")),
                scan.findings);
        assertEquals(List.of(), scan.allowed);
    }

    @Test
    void literalsCommentsImportsAndFieldChainsAreNotTypeNames() {
        InlineQualifiedNames scan = new InlineQualifiedNames();
        scan.scanSource("Sample.java", """
                package io.sluice.sample;

                import io.sluice.kube.SecretData;

                class Sample {
                    // java.util.List in a line comment
                    /* java.util.Map in a block comment */
                    String a = "java.util.List and \\"io.sluice.Quoted\\"";
                    char c = '"';
                    String b = \"""
                            java.util.Set in a text block
                            \""";
                    int max = this.limits.MAX_VALUE;
                    /** Prose that mentions java.util.Optional is not a reference. */
                    SecretData data;
                }
                """, Set.of());

        assertEquals(List.of(), scan.findings);
    }

    @Test
    void aFullyQualifiedNameIsAllowedWhereItsSimpleNameIsTaken() {
        InlineQualifiedNames scan = new InlineQualifiedNames();
        scan.scanSource("QuteErrors.java", """
                package io.sluice.template;

                import com.google.re2j.Pattern;

                final class QuteErrors {
                    static class Optional {}
                    TemplateException ours(io.quarkus.qute.TemplateException theirs) {
                        java.util.regex.Pattern jdk = java.util.regex.Pattern.compile("x");
                        java.util.Optional<String> none = java.util.Optional.empty();
                        return null;
                    }
                }
                """, Set.of("QuteErrors", "TemplateException"));

        assertEquals(List.of(), scan.findings);
        assertEquals(
                List.of(
                        "io.quarkus.qute.TemplateException",
                        "java.util.regex.Pattern",
                        "java.util.regex.Pattern",
                        "java.util.Optional",
                        "java.util.Optional"),
                scan.allowed.stream().map(Finding::name).toList());
    }
}
