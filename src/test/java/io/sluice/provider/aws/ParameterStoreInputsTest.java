package io.sluice.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.provider.ProviderConfigurationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant input of the Parameter Store provider: version selectors, PushSecret metadata, GetParameters batches. */
class ParameterStoreInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void versionsAreNumbersOrLabelsSentAsSelectors() {
        assertEquals("/app/db", ParameterSelector.of("/app/db", null).selector());
        assertEquals("/app/db", ParameterSelector.of("/app/db", "").selector());
        assertEquals("/app/db:3", ParameterSelector.of("/app/db", "3").selector());
        assertEquals(
                "/app/db:stable-1.2_x",
                ParameterSelector.of("/app/db", "stable-1.2_x").selector());
        for (String bad : List.of("0", "1a", "a b", "a:b", "x".repeat(101), "label/with/slash")) {
            ProviderConfigurationException e =
                    assertThrows(ProviderConfigurationException.class, () -> ParameterSelector.of("/app/db", bad), bad);
            assertTrue(e.getMessage().length() < 300, "a long version is clipped in the message");
        }
    }

    @Test
    void getParametersBatchesHoldAtMostTenDistinctNames() {
        List<ParameterSelector> selectors = new ArrayList<>();
        selectors.add(ParameterSelector.of("/p0", null));
        selectors.add(ParameterSelector.of("/p0", "1"));
        for (int i = 0; i < 23; i++) {
            selectors.add(ParameterSelector.of("/p" + i, null));
        }
        List<List<ParameterSelector>> chunks = ParameterReader.chunks(selectors);
        assertEquals(List.of(10, 10, 4), chunks.stream().map(List::size).toList());
        for (List<ParameterSelector> chunk : chunks) {
            assertEquals(
                    chunk.size(),
                    new HashSet<>(chunk.stream().map(ParameterSelector::name).toList()).size());
        }
    }

    @Test
    void metadataDefaultsAreEsos() throws Exception {
        ParameterPushMetadata none = ParameterPushMetadata.parse(null);
        assertEquals("String", none.type());
        assertEquals("Standard", none.tier());
        assertNull(none.kmsKeyId());
        assertEquals("secret 'managed-by:external-secrets'", none.description());
        assertEquals(Map.of("managed-by", "external-secrets"), none.creationTags());

        ParameterPushMetadata secure = ParameterPushMetadata.parse(JSON.readTree("{\"kind\":\"PushSecretMetadata\","
                + "\"spec\":{\"secretType\":\"SecureString\",\"tier\":{\"type\":\"Advanced\",\"policies\":"
                + "[{\"Type\":\"Expiration\"}]},\"tags\":{\"team\":\"a\"}}}"));
        assertEquals("alias/aws/ssm", secure.kmsKeyId());
        assertEquals("[{\"Type\":\"Expiration\"}]", secure.policies());
        assertEquals(Map.of("team", "a", "managed-by", "external-secrets"), secure.creationTags());
    }

    @Test
    void metadataThatCannotBeHonouredIsRefused() {
        for (String spec : List.of(
                "{\"secretType\":\"Binary\"}",
                "{\"tier\":{\"type\":\"Premium\"}}",
                "{\"tier\":{\"policies\":[]}}",
                "{\"tags\":{\"managed-by\":\"me\"}}",
                "{\"encodeAsDecoded\":true}",
                "{\"kmsKeyId\":\"wrong-case\"}")) {
            assertThrows(
                    ProviderConfigurationException.class,
                    () -> ParameterPushMetadata.parse(
                            JSON.readTree("{\"kind\":\"PushSecretMetadata\",\"spec\":" + spec + "}")),
                    spec);
        }
    }
}
