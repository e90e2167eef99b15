package io.sluice.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sluice.testing.aws.emulator.AwsEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency: the packaged jar syncs a namespace of ExternalSecrets and PushSecrets through the AWS
 * emulator, and is killed with SIGKILL at random points of the sync, then restarted (the same pod identity, so the
 * Lease it held is its own). Once left to run, every ExternalSecret is Ready with exactly its Secret and no
 * orphan, and each PushSecret wrote one remote version per source value, however often it was killed mid-push.
 *
 * <p>{@code -Dsluice.it.crash.external-secrets} (default 200), {@code -Dsluice.it.crash.push-secrets} (20),
 * {@code -Dsluice.it.crash.kills} (4) and {@code -Dsluice.it.crash.seed} size and replay a run.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class CrashConsistencyIT {
    private static final String LEASE_NS = "sluice-system";
    private static final String IDENTITY = "sluice-0";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final int externalSecrets = Integer.getInteger("sluice.it.crash.external-secrets", 200);
    private final int pushSecrets = Integer.getInteger("sluice.it.crash.push-secrets", 20);
    private final int kills = Integer.getInteger("sluice.it.crash.kills", 4);
    private final long seed = Long.getLong("sluice.it.crash.seed", System.nanoTime());
    private final List<SluiceProcess> started = new ArrayList<>();
    private AwsEmulator emulator;

    @AfterEach
    void stop() {
        started.forEach(SluiceProcess::close);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void killedAtRandomPointsOfASyncItConvergesWithNoOrphanedDuplicatedOrLostWrite() throws Exception {
        allowLeases(server);
        emulator = AwsEmulator.start();
        Random random = new Random(seed);
        System.out.printf(
                "[crash] seed %d: %d ExternalSecrets, %d PushSecrets, %d kills%n",
                seed, externalSecrets, pushSecrets, kills);
        long began = System.nanoTime();
        try (SyncWorld world = new SyncWorld(client, emulator, externalSecrets, pushSecrets)) {
            world.create();
            List<String> rows = new ArrayList<>();
            for (int k = 0; k < kills; k++) {
                // each second run also changes a source while Sluice is down: it must go out once after the restart
                if (k % 2 == 1 && k < pushSecrets) {
                    world.setSource(k, SyncWorld.VALUE_MARK + "push-" + k + "-" + k);
                }
                rows.add(runAndKill(world, k, random));
            }
            SluiceProcess last = start("crash-final");
            world.awaitConverged(last);
            Map<String, Integer> calls = new HashMap<>(emulator.callCounts());
            System.out.printf("[crash] %s%n", String.join("\n[crash] ", rows));
            System.out.printf(
                    "[crash] converged after %d kills in %d ms in all: %d ExternalSecrets Ready with their "
                            + "Secret, %d PushSecrets Ready; AWS calls %s%n",
                    kills, Duration.ofNanos(System.nanoTime() - began).toMillis(), externalSecrets, pushSecrets, calls);
            assertEquals(List.of(), world.problems());
            for (SluiceProcess p : started) {
                assertFalse(p.output().contains(SyncWorld.VALUE_MARK), p.log + " holds a secret value");
            }
        }
    }

    /** Runs Sluice until a random point of its work, kills it, and describes the state it left. */
    private String runAndKill(SyncWorld world, int k, Random random) throws Exception {
        // a random number of AWS calls into this run, so that the kill lands while the sync is under way; when
        // there is little left to do, a random time after the first call
        SyncWorld.Snapshot at = world.snapshot();
        int remaining = world.externalSecrets - at.targetSecrets() + world.pushSecrets;
        int callTarget = 1 + random.nextInt(Math.max(1, remaining));
        long idleDelayMs = 2000 + random.nextInt(5000);
        long start = System.nanoTime();
        int before = awsCalls(); // the emulator counts this test's own calls too: none until the kill
        SluiceProcess p = start("crash-" + k);
        long[] firstCall = {0};
        long[] ready = {0};
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .failFast(() -> !p.process.isAlive())
                .until(() -> {
                    int calls = awsCalls() - before;
                    long now = System.nanoTime();
                    if (firstCall[0] == 0 && calls > 0) {
                        firstCall[0] = now;
                    }
                    if (ready[0] == 0 && p.readiness() != null) {
                        ready[0] = now;
                    }
                    // nothing left to sync: no call may come at all
                    long since = firstCall[0] != 0 ? firstCall[0] : ready[0];
                    return calls >= callTarget || since != 0 && now - since >= idleDelayMs * 1_000_000;
                });
        p.process.destroyForcibly();
        assertTrue(p.process.waitFor(10, TimeUnit.SECONDS), "SIGKILL");
        int calls = awsCalls() - before;
        SyncWorld.Snapshot left = world.snapshot();
        return String.format(
                "kill %d at %d ms (%s): %d AWS calls in this run; left %d/%d Secrets, %d/%d Ready, %d "
                        + "remote versions pushed",
                k + 1,
                Duration.ofNanos(System.nanoTime() - start).toMillis(),
                calls >= callTarget
                        ? "after " + callTarget + " AWS calls"
                        : idleDelayMs + " ms after its first call, or readiness",
                calls,
                left.targetSecrets(),
                world.externalSecrets,
                left.readyExternalSecrets(),
                world.externalSecrets,
                left.pushedVersions());
    }

    private int awsCalls() {
        return emulator.callCounts().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    private SluiceProcess start(String logName) throws Exception {
        String endpoint = emulator.endpoint().toString();
        SluiceProcess p = SluiceProcess.start(
                IDENTITY,
                logName,
                client.getConfiguration().getMasterUrl(),
                Map.of(
                        "sluice.leader-election.lease-namespace", LEASE_NS,
                        "sluice.aws.secrets-manager-endpoint", endpoint,
                        "sluice.aws.sts-endpoint", endpoint));
        started.add(p);
        return p;
    }

    /** JOSDK checks its Lease permissions with a SelfSubjectRulesReview before electing. */
    static void allowLeases(KubernetesMockServer server) {
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(
                        201,
                        new SelfSubjectRulesReviewBuilder()
                                .withNewStatus()
                                .withResourceRules(new ResourceRuleBuilder()
                                        .withApiGroups("coordination.k8s.io")
                                        .withResources("leases")
                                        .withVerbs("*")
                                        .build())
                                .withIncomplete(false)
                                .endStatus()
                                .build())
                .always();
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(LEASE_NS)
                        .endMetadata()
                        .build())
                .createOr(existing -> existing.update());
    }
}
