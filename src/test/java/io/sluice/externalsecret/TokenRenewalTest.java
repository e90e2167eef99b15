package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretSpec.RefreshPolicy;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.api.v1.GeneratorRef;
import io.sluice.api.v1.StoreSourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When an ExternalSecret whose generators returned tokens is synced again, besides its refreshInterval. */
class TokenRenewalTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SPREAD = Duration.ofMinutes(5);
    private final ResourceID id = new ResourceID("ecr", "team-a");

    private static EffectiveSpec es(String kind, RefreshPolicy policy, boolean synced) {
        ExternalSecret resource = new ExternalSecret();
        resource.setMetadata(new ObjectMetaBuilder()
                .withName("ecr")
                .withNamespace("team-a")
                .withUid("uid-1")
                .build());
        ExternalSecretSpec spec = new ExternalSecretSpec();
        spec.refreshPolicy = policy;
        ExternalSecretDataFrom entry = new ExternalSecretDataFrom();
        entry.sourceRef = new StoreSourceRef();
        entry.sourceRef.generatorRef = new GeneratorRef();
        entry.sourceRef.generatorRef.kind = kind;
        entry.sourceRef.generatorRef.name = "gen";
        spec.dataFrom = List.of(entry);
        resource.setSpec(spec);
        if (synced) {
            resource.setStatus(new ExternalSecretStatus());
            resource.getStatus().refreshTime = START.minus(Duration.ofHours(3)).toString();
        }
        return new EffectiveSpec(resource, Duration.ofHours(1));
    }

    @Test
    void renewsAfterThreeQuartersOfTheRemainingValidity() {
        TokenRenewal renewal = new TokenRenewal(SPREAD, START);
        EffectiveSpec es = es("ECRAuthorizationToken", null, true);
        renewal.synced(id, Optional.of(START.plus(Duration.ofHours(12))), START);

        assertFalse(renewal.due(id, es, START.plus(Duration.ofHours(9)).minusSeconds(1)));
        assertTrue(renewal.due(id, es, START.plus(Duration.ofHours(9))));
        assertEquals(
                Optional.of(Duration.ofHours(9)), renewal.earliest(id, es, START, Optional.of(Duration.ofHours(24))));
        assertEquals(
                Optional.of(Duration.ofHours(1)),
                renewal.earliest(id, es, START, Optional.of(Duration.ofHours(1))),
                "a shorter interval still wins");
        assertEquals(
                Optional.of(Duration.ofHours(9)),
                renewal.earliest(id, es, START, Optional.empty()),
                "refreshInterval 0 schedules nothing, the token still is renewed");
    }

    @Test
    void valuesThatDoNotExpireAddNothing() {
        TokenRenewal renewal = new TokenRenewal(SPREAD, START);
        EffectiveSpec es = es("ClusterGenerator", null, true);
        renewal.synced(id, Optional.empty(), START);
        assertFalse(renewal.due(id, es, START.plus(Duration.ofDays(30))));
        assertEquals(Optional.empty(), renewal.earliest(id, es, START, Optional.empty()));
    }

    @Test
    void createdOnceAndOnChangeAreNotRenewedByTime() {
        TokenRenewal renewal = new TokenRenewal(SPREAD, START);
        for (RefreshPolicy policy : List.of(RefreshPolicy.CreatedOnce, RefreshPolicy.OnChange)) {
            EffectiveSpec es = es("ECRAuthorizationToken", policy, true);
            renewal.synced(id, Optional.of(START.plusSeconds(60)), START);
            assertFalse(renewal.due(id, es, START.plus(Duration.ofDays(1))), policy.name());
            assertEquals(Optional.empty(), renewal.earliest(id, es, START, Optional.empty()), policy.name());
        }
    }

    @Test
    void afterARestartAnExpiringGeneratorIsRefreshedWithinTheStartupSpread() {
        TokenRenewal renewal = new TokenRenewal(SPREAD, START);
        EffectiveSpec ecr = es("STSSessionToken", null, true);
        assertTrue(renewal.due(id, ecr, START.plus(SPREAD)));
        Duration until = renewal.earliest(id, ecr, START, Optional.of(Duration.ofHours(1)))
                .orElseThrow();
        assertTrue(until.compareTo(SPREAD) <= 0, until.toString());

        assertFalse(renewal.due(id, es("Password", null, true), START.plus(SPREAD)), "passwords do not expire");
        assertFalse(
                renewal.due(id, es("ECRAuthorizationToken", null, false), START.plus(SPREAD)),
                "never synced: the first sync runs anyway");
        renewal.synced(id, Optional.of(START.plus(Duration.ofHours(12))), START);
        assertFalse(renewal.due(id, ecr, START.plus(SPREAD)), "once synced, the real expiry counts");
    }

    @Test
    void forgetsDeletedResources() {
        TokenRenewal renewal = new TokenRenewal(SPREAD, START);
        renewal.synced(id, Optional.empty(), START);
        assertTrue(renewal.tracks(id));
        renewal.forget(id);
        assertFalse(renewal.tracks(id));
    }
}
