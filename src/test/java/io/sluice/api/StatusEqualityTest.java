package io.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ClusterExternalSecretStatus;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.api.v1.SecretStoreStatus;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretStatus;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reconcilers write a status only when the next one is not {@code equals} to the one read: every field of a
 * status type, nested types included, must take part in that comparison, or a change would never be written.
 */
class StatusEqualityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            classes = {
                ExternalSecretStatus.class,
                ExternalSecretStatus.Binding.class,
                ClusterExternalSecretStatus.class,
                ClusterExternalSecretStatus.FailedNamespace.class,
                PushSecretStatus.class,
                PushSecretData.class,
                PushSecretMatch.class,
                PushSecretRemoteRef.class,
                SecretStoreStatus.class,
                Condition.class
            })
    void everyFieldTakesPartInEquality(Class<?> type) throws Exception {
        for (Field field : publicFields(type)) {
            Object a = type.getDeclaredConstructor().newInstance();
            Object b = type.getDeclaredConstructor().newInstance();
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            field.set(b, sample(field.getGenericType()));
            assertNotEquals(a, b, type.getSimpleName() + "." + field.getName() + " is left out of equals");
            field.set(a, sample(field.getGenericType()));
            assertEquals(a, b, type.getSimpleName() + "." + field.getName());
            assertEquals(a.hashCode(), b.hashCode(), type.getSimpleName() + "." + field.getName());
        }
    }

    @Test
    void aStatusReadBackFromJsonEqualsTheOneWritten() throws Exception {
        for (Class<?> type : List.of(
                ExternalSecretStatus.class,
                ClusterExternalSecretStatus.class,
                PushSecretStatus.class,
                SecretStoreStatus.class)) {
            Object written = sample(type);
            assertEquals(written, JSON.readValue(JSON.writeValueAsString(written), type), type.getSimpleName());
        }
    }

    @Test
    void aPushSecretWithNothingSyncedEqualsOneWithAnEmptyMap() {
        PushSecretStatus absent = new PushSecretStatus();
        PushSecretStatus empty = new PushSecretStatus();
        empty.syncedPushSecrets = new HashMap<>();
        assertEquals(absent, empty);
        assertEquals(absent.hashCode(), empty.hashCode());
    }

    @Test
    void syncedEntriesCompareByContentWhateverTheMapType() {
        PushSecretStatus tree = new PushSecretStatus();
        tree.syncedPushSecrets = new TreeMap<>(Map.of("SecretStore/a", new TreeMap<>(Map.of("k", entry("k")))));
        PushSecretStatus copied = new PushSecretStatus();
        copied.syncedPushSecrets = Map.copyOf(Map.of("SecretStore/a", Map.of("k", entry("k"))));
        assertEquals(tree, copied);
        copied.syncedPushSecrets = Map.of("SecretStore/a", Map.of("k", entry("other")));
        assertNotEquals(tree, copied);
    }

    private static PushSecretData entry(String remoteKey) {
        PushSecretData data = new PushSecretData();
        data.match = new PushSecretMatch();
        data.match.remoteRef = new PushSecretRemoteRef();
        data.match.remoteRef.remoteKey = remoteKey;
        return data;
    }

    private static List<Field> publicFields(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .toList();
    }

    /** A value of the type that differs from a fresh instance's default, nested objects filled in. */
    private static Object sample(Type type) throws Exception {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == List.class) {
                return List.of(sample(args[0]));
            }
            if (p.getRawType() == Map.class) {
                return Map.of(sample(args[0]), sample(args[1]));
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "x";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == JsonNode.class) {
            return TextNode.valueOf("x");
        }
        Object instance = raw.getDeclaredConstructor().newInstance();
        for (Field field : publicFields(raw)) {
            field.set(instance, sample(field.getGenericType()));
        }
        return instance;
    }
}
