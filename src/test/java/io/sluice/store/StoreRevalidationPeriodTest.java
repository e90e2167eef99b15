package io.sluice.store;

import static io.sluice.testing.Fixtures.fakeStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.sluice.api.v1.SecretStore;
import io.sluice.config.SluiceConfig;
import io.sluice.kube.Durations;
import io.sluice.kube.RefreshInterval;
import io.sluice.provider.StoreView;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A store's {@code spec.refreshInterval}: the default when absent or zero (ESO), refused like an ExternalSecret's
 * when negative or not a duration (RefreshIntervalFloor raises short ones).
 */
class StoreRevalidationPeriodTest {
    private static final Duration DEFAULT = Duration.ofMinutes(5);

    private final StoreValidator validator = new StoreValidator(null, null, config());

    @ParameterizedTest(name = "seconds {0} -> {1}")
    @CsvSource({"1,1s", "10,10s", "600,10m", "0,5m"})
    void secondsAreTakenAndZeroMeansTheDefault(int seconds, String expected) {
        assertEquals(Durations.parse(expected), validator.configuredPeriod(store(new IntOrString(seconds))));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"1ms,1ms", "3s,3s", "1h,1h", "0,5m"})
    void durationsAreTakenAndZeroMeansTheDefault(String interval, String expected) {
        assertEquals(Durations.parse(expected), validator.configuredPeriod(store(new IntOrString(interval))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2562048h1h|duration \"2562048h1h\" is too large (at most 2562047h47m16s)",
                "-1s|duration \"-1s\" is negative",
                "nonsense|invalid duration \"nonsense\""
            })
    void anInvalidDurationIsRefusedNamingTheField(String interval, String why) {
        RefreshInterval.Invalid e = assertThrows(
                RefreshInterval.Invalid.class, () -> validator.configuredPeriod(store(new IntOrString(interval))));
        assertEquals("invalid spec.refreshInterval: " + why, e.getMessage());
    }

    @Test
    void negativeSecondsAreRefused() {
        RefreshInterval.Invalid e = assertThrows(
                RefreshInterval.Invalid.class, () -> validator.configuredPeriod(store(new IntOrString(-30))));
        assertEquals("invalid spec.refreshInterval: negative: -30", e.getMessage());
    }

    private static StoreView store(IntOrString refreshInterval) {
        SecretStore store = fakeStore("ns", "fake");
        store.getSpec().refreshInterval = refreshInterval;
        return StoreView.of(store);
    }

    /** Only the setting the period depends on; anything else fails loudly. */
    private static SluiceConfig config() {
        SluiceConfig.Stores stores = proxy(SluiceConfig.Stores.class, "defaultRefreshInterval", DEFAULT);
        return (SluiceConfig) Proxy.newProxyInstance(
                SluiceConfig.class.getClassLoader(),
                new Class<?>[] {SluiceConfig.class},
                (p, method, args) -> switch (method.getName()) {
                    case "stores" -> stores;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> T proxy(Class<T> type, String name, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().equals(name)) {
                return value;
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
