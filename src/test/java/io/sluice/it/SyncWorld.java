package io.sluice.it;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretSelector;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.kube.SecretData;
import io.sluice.status.Conditions;
import io.sluice.testing.Fixtures;
import io.sluice.testing.aws.SdkClients;
import io.sluice.testing.aws.emulator.AwsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A namespace of ExternalSecrets that each read their own Secrets Manager secret, and PushSecrets that each push
 * their own source Secret, all through one AWS SecretStore pointed at the in-JVM emulator; and what "converged"
 * means for them: every ExternalSecret Ready with exactly its Secret, holding the remote value, owned by it;
 * no other Secret; every PushSecret Ready, its source's latest value current in Secrets Manager, and no value
 * written twice (a source changed twice while Sluice was down has its first value skipped, never duplicated).
 */
final class SyncWorld implements AutoCloseable {
    static final String NS = "apps";
    /** Every secret value starts with it, so that logs can be searched for values. */
    static final String VALUE_MARK = "s3cr3t-";

    private static final String KEYS = "aws-keys";
    private static final Set<String> INPUTS = Set.of(KEYS);

    final int externalSecrets;
    final int pushSecrets;
    private final KubernetesClient client;
    private final SecretsManagerClient aws;
    private final Map<String, String> remoteValues = new HashMap<>();
    /** ExternalSecrets pointed elsewhere than {@link #remoteOf} by {@link #repoint}. */
    private final Map<Integer, String> remotes = new HashMap<>();

    private final Map<String, List<String>> pushedValues = new HashMap<>();

    SyncWorld(KubernetesClient client, AwsEmulator emulator, int externalSecrets, int pushSecrets) {
        this.client = client;
        this.externalSecrets = externalSecrets;
        this.pushSecrets = pushSecrets;
        this.aws = SdkClients.secretsManager(
                emulator.endpoint(),
                Region.of(AwsEmulator.DEFAULT_REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWORLD", "world")));
        for (int i = 0; i < externalSecrets; i++) {
            String value = VALUE_MARK + "es-" + i;
            emulator.seedSecret(remoteOf(i), value, Map.of());
            remoteValues.put(remoteOf(i), value);
        }
    }

    static String remoteOf(int es) {
        return "world/es-" + es;
    }

    static String pushedRemoteOf(int ps) {
        return "world/push-" + ps;
    }

    void create() {
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .createOr(existing -> existing.update());
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(NS)
                                .withName(KEYS)
                                .build())
                        .withData(Map.of("access-key", b64("AKIDWORLD"), "secret-access-key", b64("world")))
                        .build())
                .create();
        client.resource(awsStore()).create();
        for (int j = 0; j < pushSecrets; j++) {
            setSource(j, VALUE_MARK + "push-" + j + "-0");
            client.resource(pushSecret(j)).create();
        }
        for (int i = 0; i < externalSecrets; i++) {
            client.resource(withData(externalSecret(NS, "es-" + i, "aws", "1h"), "value", remoteOf(i), null))
                    .create();
        }
    }

    /** Sets the value of PushSecret j's source Secret; it must reach Secrets Manager, and only once. */
    void setSource(int ps, String value) {
        pushedValues.computeIfAbsent(pushedRemoteOf(ps), k -> new ArrayList<>()).add(value);
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(NS)
                                .withName(sourceOf(ps))
                                .build())
                        .withData(Map.of("token", b64(value)))
                        .build())
                .createOr(existing -> existing.update());
    }

    /** Points ExternalSecret i at a new remote secret with a new value: a spec change its Secret must follow. */
    void repoint(int es, String suffix) {
        String remote = remoteOf(es) + "-" + suffix;
        String value = VALUE_MARK + "es-" + es + "-" + suffix;
        aws.createSecret(r -> r.name(remote).secretString(value));
        remotes.put(es, remote);
        remoteValues.put(remote, value);
        io.sluice.testing.Fixtures.editLatest(
                client.resources(ExternalSecret.class).inNamespace(NS).withName("es-" + es), latest -> {
                    latest.getSpec().data.get(0).remoteRef.key = remote;
                    return latest;
                });
    }

    void deleteTarget(int es) {
        client.secrets().inNamespace(NS).withName("es-" + es).delete();
    }

    /** Waits until {@link #problems} is empty, failing with them after 120 s or when Sluice exits. */
    void awaitConverged(SluiceProcess sluice) {
        // the last complete list: a timeout may interrupt an evaluation half-way
        AtomicReference<List<String>> last = new AtomicReference<>(List.of("not evaluated"));
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast(() -> !sluice.process.isAlive())
                    .until(() -> {
                        List<String> problems = problems();
                        last.set(problems);
                        return problems.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            fail("not converged in 120 s: " + last.get());
        }
    }

    /** What is not converged yet, one line per object (at most 20 lines); empty when converged. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, ExternalSecret> byName = new HashMap<>();
        for (ExternalSecret es :
                client.resources(ExternalSecret.class).inNamespace(NS).list().getItems()) {
            byName.put(es.getMetadata().getName(), es);
        }
        Map<String, Secret> secrets = new HashMap<>();
        for (Secret s : client.secrets().inNamespace(NS).list().getItems()) {
            secrets.put(s.getMetadata().getName(), s);
        }
        for (Secret s : secrets.values()) {
            String name = s.getMetadata().getName();
            if (!INPUTS.contains(name) && !name.startsWith("src-") && !byName.containsKey(name)) {
                problems.add("orphaned Secret " + name);
            }
        }
        for (int i = 0; i < externalSecrets; i++) {
            String name = "es-" + i;
            ExternalSecret es = byName.get(name);
            Secret target = secrets.get(name);
            if (es == null) {
                problems.add(name + ": ExternalSecret missing");
                continue;
            }
            if (!"True".equals(ready(es.getStatus() == null ? null : es.getStatus().conditions))) {
                problems.add(name + ": not Ready");
            }
            if (target == null) {
                problems.add(name + ": no Secret");
                continue;
            }
            List<OwnerReference> owners = target.getMetadata().getOwnerReferences();
            if (owners == null
                    || owners.size() != 1
                    || !es.getMetadata().getUid().equals(owners.get(0).getUid())
                    || !Boolean.TRUE.equals(owners.get(0).getController())) {
                problems.add(name + ": Secret not owned by its ExternalSecret alone: " + owners);
            }
            byte[] value = SecretData.decode(target).get("value");
            String expected = remoteValues.get(remotes.getOrDefault(i, remoteOf(i)));
            if (value == null || !expected.equals(new String(value, StandardCharsets.UTF_8))) {
                problems.add(name + ": Secret does not hold the remote value");
            }
            if (SecretData.decode(target).size() != 1) {
                problems.add(name + ": Secret keys " + SecretData.decode(target).keySet());
            }
        }
        for (int j = 0; j < pushSecrets; j++) {
            PushSecret ps = client.resources(PushSecret.class)
                    .inNamespace(NS)
                    .withName("ps-" + j)
                    .get();
            if (!"True".equals(ready(ps.getStatus() == null ? null : ps.getStatus().conditions))) {
                problems.add("ps-" + j + ": not Ready");
            }
            List<String> versions = remoteVersions(pushedRemoteOf(j));
            List<String> values = pushedValues.get(pushedRemoteOf(j));
            String latest = values.get(values.size() - 1);
            if (versions.size() != new java.util.HashSet<>(versions).size()) {
                problems.add("ps-" + j + ": " + versions.size() + " remote versions for "
                        + new java.util.HashSet<>(versions).size() + " values: duplicates");
            }
            if (!values.containsAll(versions)) {
                problems.add("ps-" + j + ": a remote version holds a value its source never had");
            }
            if (!latest.equals(currentValue(pushedRemoteOf(j)))) {
                problems.add("ps-" + j + ": the remote value is not the source's latest");
            }
        }
        return problems.size() > 20 ? problems.subList(0, 20) : problems;
    }

    /** Counts for a report: Secrets of ExternalSecrets, Ready ExternalSecrets, remote versions pushed. */
    record Snapshot(int targetSecrets, int readyExternalSecrets, int pushedVersions) {}

    Snapshot snapshot() {
        int targets = (int) client.secrets().inNamespace(NS).list().getItems().stream()
                .filter(s -> s.getMetadata().getName().startsWith("es-"))
                .count();
        int ready = (int) client.resources(ExternalSecret.class).inNamespace(NS).list().getItems().stream()
                .filter(es -> "True".equals(ready(es.getStatus() == null ? null : es.getStatus().conditions)))
                .count();
        int versions = 0;
        for (int j = 0; j < pushSecrets; j++) {
            versions += remoteVersions(pushedRemoteOf(j)).size();
        }
        return new Snapshot(targets, ready, versions);
    }

    /** The values of every version of the remote secret, deprecated ones too. */
    List<String> remoteVersions(String remote) {
        try {
            return aws.listSecretVersionIds(r -> r.secretId(remote).includeDeprecated(true)).versions().stream()
                    .map(v -> text(aws.getSecretValue(r -> r.secretId(remote).versionId(v.versionId()))))
                    .toList();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    private String currentValue(String remote) {
        try {
            return text(aws.getSecretValue(r -> r.secretId(remote)));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** PushSecrets write SecretBinary, as ESO does unless told otherwise. */
    private static String text(GetSecretValueResponse value) {
        return value.secretString() != null
                ? value.secretString()
                : value.secretBinary().asUtf8String();
    }

    static String sourceOf(int ps) {
        return "src-" + ps;
    }

    private static String ready(List<Condition> conditions) {
        Condition ready = conditions == null ? null : Conditions.find(conditions, "Ready");
        return ready == null ? null : ready.status;
    }

    private PushSecret pushSecret(int j) {
        PushSecret ps = new PushSecret();
        ps.setMetadata(
                new ObjectMetaBuilder().withNamespace(NS).withName("ps-" + j).build());
        PushSecretSpec spec = new PushSecretSpec();
        spec.refreshInterval = "1h";
        PushSecretStoreRef ref = new PushSecretStoreRef();
        ref.name = "aws";
        spec.secretStoreRefs = new ArrayList<>(List.of(ref));
        spec.selector = new PushSecretSelector();
        spec.selector.secret = new PushSecretSelector.SecretSource();
        spec.selector.secret.name = sourceOf(j);
        PushSecretData data = new PushSecretData();
        data.match = new PushSecretMatch();
        data.match.secretKey = "token";
        data.match.remoteRef = new PushSecretRemoteRef();
        data.match.remoteRef.remoteKey = pushedRemoteOf(j);
        spec.data = new ArrayList<>(List.of(data));
        ps.setSpec(spec);
        return ps;
    }

    private static SecretStore awsStore() {
        return Fixtures.awsStore(NS, "aws");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        aws.close();
    }
}
