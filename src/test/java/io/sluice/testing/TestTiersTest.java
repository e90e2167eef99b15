package io.sluice.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unit tier ({@code ./mvnw test -Punit}) excludes the tests tagged {@code slow}: those that start Quarkus,
 * a server (the AWS emulator, a mock Kubernetes API) or Helm's native library. Every test that starts Quarkus
 * must carry the tag, or the tier stops running in seconds without anyone noticing. The tier skips
 * them by the list in src/test/slow-tests.txt (a tag alone still lets Quarkus build an application for the
 * class), so the list must name exactly the tagged classes.
 */
class TestTiersTest {
    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Path SLOW_LIST = Path.of("src", "test", "slow-tests.txt");
    private static final Pattern STARTS_QUARKUS = Pattern.compile("(?m)^@Quarkus(?:Main)?Test\\b");
    private static final Pattern TAGGED_SLOW =
            Pattern.compile("(?m)^@(?:org\\.junit\\.jupiter\\.api\\.)?Tag\\(\"slow\"\\)");

    @Test
    void everyTestThatStartsQuarkusIsTaggedSlow() throws IOException {
        List<Path> quarkusTests;
        try (Stream<Path> files = Files.walk(TESTS)) {
            quarkusTests = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> STARTS_QUARKUS.matcher(read(f)).find())
                    .sorted()
                    .toList();
        }
        // positive control: the scan finds the reconciler tests it is about
        assertTrue(
                quarkusTests.stream().anyMatch(f -> f.endsWith(Path.of("push", "PushSecretTest.java"))),
                quarkusTests.toString());
        List<Path> untagged = quarkusTests.stream()
                .filter(f -> !TAGGED_SLOW.matcher(read(f)).find())
                .toList();
        assertEquals(List.of(), untagged, "add @Tag(\"slow\") to these");
    }

    @Test
    void theUnitTierSkipsExactlyTheClassesTaggedSlow() throws IOException {
        List<String> tagged;
        try (Stream<Path> files = Files.walk(TESTS)) {
            tagged = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> TAGGED_SLOW.matcher(read(f)).find())
                    .map(f -> TESTS.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted()
                    .toList();
        }
        List<String> listed = Files.readAllLines(SLOW_LIST).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .sorted()
                .toList();
        assertTrue(tagged.contains("io/sluice/push/PushSecretTest.java"), tagged.toString());
        assertEquals(tagged, listed, SLOW_LIST + " must list exactly the classes tagged slow");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
