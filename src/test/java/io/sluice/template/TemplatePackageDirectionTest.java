package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point down: the ExternalSecret code uses the template engine (rewrite.transform, spec.target.template),
 * so the engine must not use the ExternalSecret code, or the two could never be understood or changed apart.
 */
class TemplatePackageDirectionTest {

    @Test
    void templateCodeImportsNothingFromExternalSecret() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/sluice/template"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(TemplatePackageDirectionTest::importsExternalSecret)
                    .map(Path::toString)
                    .sorted()
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean importsExternalSecret(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .anyMatch(line -> line.startsWith("import io.sluice.externalsecret")
                            || line.startsWith("import static io.sluice.externalsecret")
                            || line.contains("io.sluice.externalsecret."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
