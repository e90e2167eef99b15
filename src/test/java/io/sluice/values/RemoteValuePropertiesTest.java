package io.sluice.values;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.sluice.api.v1.ExternalSecretRewrite;
import io.sluice.api.v1.RemoteRef;
import io.sluice.provider.RemoteSecret;
import io.sluice.testing.hostile.HostileInput;
import io.sluice.testing.hostile.Outcomes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever the provider returns and whatever the spec asks of it, turning a remote value into Secret data
 * ends in data or in an {@link ExtractionException} naming the problem: never another exception, never
 * unbounded time or output, never the value in the message.
 */
class RemoteValuePropertiesTest {
    /** Generous for a 2-core machine shared by several builds; a runaway parse takes minutes, not seconds. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Planted in every payload's first string; a message that quotes the value quotes it. */
    private static final String MARKER = "Zq7marker";

    private static Gen<byte[]> markedPayloads() {
        return HostileInput.payloads().map(RemoteValuePropertiesTest::mark);
    }

    private static RemoteRef ref(String property, RemoteRef.DecodingStrategy decoding, RemoteRef.NullBytePolicy nul) {
        RemoteRef ref = new RemoteRef();
        ref.key = "team/db";
        ref.property = property;
        ref.decodingStrategy = decoding;
        ref.nullBytePolicy = nul;
        return ref;
    }

    @Test
    void dataEntriesEndInAValueOrAnExtractionError() {
        Outcomes outcomes = new Outcomes();
        qt().withExamples(200)
                .forAll(
                        markedPayloads(),
                        HostileInput.properties().mix(Generate.constant(""), 40),
                        Generate.enumValues(RemoteRef.DecodingStrategy.class),
                        Generate.enumValues(RemoteRef.NullBytePolicy.class))
                .checkAssert((payload, property, decoding, nul) -> {
                    byte[] value = bounded(
                            outcomes,
                            () -> EntryValues.forData("key", ref(property, decoding, nul), new RemoteSecret(payload)));
                    if (value != null) {
                        // a number is printed as Go does (1e308 has 309 digits): the only growth, and a small one
                        assertTrue(value.length <= payload.length + 400, "a selection grew to " + value.length);
                    }
                });
        outcomes.assertBothSeen("RemoteValuePropertiesTest.data");
    }

    @Test
    void extractEndsInEntriesOrAnExtractionError() {
        Gen<List<ExternalSecretRewrite>> rewrites = Generate.frequency(
                org.quicktheories.api.Pair.of(2, Generate.constant(List.<ExternalSecretRewrite>of())),
                org.quicktheories.api.Pair.of(
                        1,
                        HostileInput.regexps()
                                .zip(
                                        HostileInput.punctuated(8),
                                        (source, target) -> List.of(Rewrites.regexp(source, target)))));
        Outcomes outcomes = new Outcomes();
        qt().withExamples(200)
                .forAll(
                        markedPayloads(),
                        HostileInput.properties().mix(Generate.constant(""), 60),
                        Generate.enumValues(RemoteRef.DecodingStrategy.class),
                        rewrites)
                .checkAssert((payload, property, decoding, rewrite) -> {
                    Map<String, byte[]> entries = bounded(
                            outcomes,
                            () -> EntryValues.forExtract(
                                    ref(property, decoding, RemoteRef.NullBytePolicy.Ignore),
                                    rewrite,
                                    new RemoteSecret(payload)));
                    if (entries != null) {
                        long total = entries.values().stream()
                                .mapToLong(v -> v.length)
                                .sum();
                        assertTrue(total <= payload.length, "entries hold no more than the value: " + total);
                        entries.keySet().forEach(k -> assertTrue(SecretKeys.isValid(k), "invalid key kept"));
                    }
                });
        outcomes.assertBothSeen("RemoteValuePropertiesTest.extract");
    }

    @Test
    void decodingAnyBytesEndsInBytesOrADecodingError() {
        Outcomes outcomes = new Outcomes();
        qt().withExamples(500)
                .forAll(HostileInput.bytes(2_000), Generate.enumValues(RemoteRef.DecodingStrategy.class))
                .checkAssert((value, decoding) -> {
                    byte[] decoded = bounded(outcomes, () -> ValueDecoder.decode(decoding, "key", value));
                    if (decoded != null) {
                        assertTrue(decoded.length <= value.length);
                    }
                });
        outcomes.assertBothSeen("RemoteValuePropertiesTest.decoding");
    }

    /** Runs one conversion; an ExtractionException is a valid outcome (null), anything else fails the property. */
    private static <T> T bounded(Outcomes outcomes, java.util.function.Supplier<T> conversion) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                T converted = conversion.get();
                outcomes.accepted();
                return converted;
            } catch (ExtractionException refused) {
                assertFalse(refused.getMessage().contains(MARKER), "the message quotes the value: " + refused.reason());
                outcomes.refused(refused.reason());
                return null;
            }
        });
    }

    private static byte[] mark(byte[] payload) {
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        int quote = text.indexOf("\":\"");
        if (quote < 0) {
            return payload;
        }
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[payload.length + marker.length];
        int at = quote + 3;
        System.arraycopy(payload, 0, out, 0, at);
        System.arraycopy(marker, 0, out, at, marker.length);
        System.arraycopy(payload, at, out, at + marker.length, payload.length - at);
        return out;
    }
}
