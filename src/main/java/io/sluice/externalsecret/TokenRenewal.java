package io.sluice.externalsecret;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretSpec.RefreshPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refreshes an ExternalSecret before the tokens its generators made expire (an ECR login lasts 12 hours), whatever
 * its refreshInterval, as long as its refreshPolicy is Periodic (CreatedOnce and OnChange keep what they have, as
 * asked). A refresh is due once three quarters of the remaining validity have passed.
 *
 * <p>
 * The expiry is kept in memory. After a restart it is unknown, so an ExternalSecret that uses a generator whose
 * values can expire is refreshed once within the start-up spread window, which learns it again.
 */
final class TokenRenewal {
    /** Kinds whose values expire; a ClusterGenerator may wrap one of them. */
    private static final Set<String> EXPIRING_KINDS =
            Set.of("ECRAuthorizationToken", "STSSessionToken", "ClusterGenerator");

    private final Duration startupSpread;
    private final Instant startedAt;
    /** Per resource: when to renew, or empty when its last sync generated nothing that expires. */
    private final Map<ResourceID, Optional<Instant>> renewBy = new ConcurrentHashMap<>();

    TokenRenewal(Duration startupSpread, Instant startedAt) {
        this.startupSpread = startupSpread;
        this.startedAt = startedAt;
    }

    /** Remembers when the values just generated must be renewed. */
    void synced(ResourceID id, Optional<Instant> expiresAt, Instant now) {
        renewBy.put(
                id,
                expiresAt.map(at -> at.isAfter(now)
                        ? now.plus(Duration.between(now, at).multipliedBy(3).dividedBy(4))
                        : now));
    }

    boolean due(ResourceID id, EffectiveSpec es, Instant now) {
        return renewal(id, es).map(at -> !now.isBefore(at)).orElse(false);
    }

    /** The earlier of {@code next} and the renewal, for the reschedule. */
    Optional<Duration> earliest(ResourceID id, EffectiveSpec es, Instant now, Optional<Duration> next) {
        Optional<Instant> at = renewal(id, es);
        if (at.isEmpty()) {
            return next;
        }
        Duration until = Duration.between(now, at.get());
        Duration renewal = until.isNegative() ? Duration.ZERO : until;
        return Optional.of(next.filter(n -> n.compareTo(renewal) < 0).orElse(renewal));
    }

    void forget(ResourceID id) {
        renewBy.remove(id);
    }

    boolean tracks(ResourceID id) {
        return renewBy.containsKey(id);
    }

    private Optional<Instant> renewal(ResourceID id, EffectiveSpec es) {
        if (es.refreshPolicy() != RefreshPolicy.Periodic) {
            return Optional.empty();
        }
        Optional<Instant> known = renewBy.get(id);
        if (known != null) {
            return known;
        }
        if (!usesExpiringGenerator(es)
                || es.resource().getStatus() == null
                || es.resource().getStatus().refreshTime == null) {
            return Optional.empty();
        }
        return Optional.of(startedAt.plusMillis((long) (startupSpread.toMillis()
                * RefreshSchedule.spreadOf(es.resource().getMetadata().getUid()))));
    }

    private static boolean usesExpiringGenerator(EffectiveSpec es) {
        List<ExternalSecretDataFrom> dataFrom = es.spec().dataFrom == null ? List.of() : es.spec().dataFrom;
        return dataFrom.stream()
                .anyMatch(entry -> entry.sourceRef != null
                        && entry.sourceRef.generatorRef != null
                        && EXPIRING_KINDS.contains(entry.sourceRef.generatorRef.kind));
    }
}
