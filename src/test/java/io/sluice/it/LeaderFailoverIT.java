package io.sluice.it;

import static io.sluice.testing.Fixtures.editLatest;
import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.status.Conditions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leader election as in production, with the packaged jar as real processes against the fabric8 test API server:
 * SIGTERM releases the Lease and exits within seconds; a standby is Ready, takes over at once, and its first
 * cycle with Sluice's real controllers rewrites nothing that was correct; a leader that loses the Lease exits.
 * Wall-clock bounds are upper bounds only, well under the 30 s lease a kept Lease would cost.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderFailoverIT {
    private static final String NS = "sluice-system";
    private static final String APPS = "apps";
    private static final String LEASE = "sluice-leader";
    private static final int EXTERNAL_SECRETS = 4;
    private static final Map<String, String> TIMINGS = Map.of(
            "sluice.leader-election.lease-namespace", NS,
            "sluice.leader-election.lease-duration", "30s",
            "sluice.leader-election.renew-deadline", "20s",
            "sluice.leader-election.retry-period", "1s");
    /** Set by every reconcile, in the replica that ran it; an ExternalSecret that needs nothing is not synced. */
    private static final Pattern RECONCILED =
            Pattern.compile("(externalsecret|secretstore)_reconcile_duration\\{[^}]*name=\"([^\"]+)\"");

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final List<SluiceProcess> replicas = new ArrayList<>();

    @BeforeEach
    void allowLeases() {
        // JOSDK checks its Lease permissions with a SelfSubjectRulesReview before electing.
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
        client.leases().inNamespace(NS).withName(LEASE).delete();
        for (String ns : List.of(NS, APPS)) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .createOr(existing -> existing.update());
        }
    }

    @AfterEach
    void killReplicas() {
        replicas.forEach(SluiceProcess::close);
    }

    @Test
    void sigtermReleasesTheLeaseAndExitsWithinSeconds() throws Exception {
        SluiceProcess leader = start("replica-solo");
        awaitLeading(leader);

        long sigterm = System.nanoTime();
        leader.process.destroy();
        boolean exited = leader.process.waitFor(15, TimeUnit.SECONDS);
        Duration exitTime = Duration.ofNanos(System.nanoTime() - sigterm);

        assertTrue(exited, "still running 15 s after SIGTERM; log:\n" + tail(leader));
        System.out.printf(
                "replica-solo exited %d ms after SIGTERM with %d%n", exitTime.toMillis(), leader.process.exitValue());
        Lease lease = client.leases().inNamespace(NS).withName(LEASE).get();
        assertNull(lease.getSpec().getHolderIdentity(), "the Lease is released: " + lease.getSpec());
        assertEquals(Integer.valueOf(1), lease.getSpec().getLeaseDurationSeconds(), "the next leader need not wait");
    }

    @Test
    void theStandbyIsReadyTakesOverAtOnceAndItsFirstCycleRewritesNothing() throws Exception {
        SluiceProcess a = start("replica-a");
        awaitLeading(a);
        client.resource(fakeStore(APPS, "fake", entry("token", "t0k3n"))).create();
        for (int i = 0; i < EXTERNAL_SECRETS; i++) {
            client.resource(withData(externalSecret(APPS, "es-" + i, "fake", "1h"), "token", "token", null))
                    .create();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> IntStream.range(0, EXTERNAL_SECRETS).allMatch(i -> "True".equals(readyStatus("es-" + i))));

        SluiceProcess b = start("replica-b");
        JsonNode standby = await().atMost(Duration.ofSeconds(120)).until(b::readiness, r -> r != null);
        assertEquals("UP", standby.get("status").asText(), standby.toString());
        assertEquals(1, standby.get("checks").size(), "one readiness check: " + standby);
        assertEquals(
                "standby",
                standby.get("checks").get(0).get("data").get("leadership").asText(),
                standby.toString());
        assertEquals("replica-a", holder());

        RequestLog requests = new RequestLog(server);
        requests.drain();
        long sigterm = System.nanoTime();
        a.process.destroy();
        assertTrue(a.process.waitFor(15, TimeUnit.SECONDS), "replica-a still running; log:\n" + tail(a));
        // a Lease that was not released would keep replica-b waiting its 30 s
        await().atMost(Duration.ofSeconds(15)).until(() -> "replica-b".equals(holder()));
        System.out.printf(
                "replica-b leads %d ms after replica-a's SIGTERM%n",
                Duration.ofNanos(System.nanoTime() - sigterm).toMillis());
        // the barrier: replica-b's first cycle has reconciled the store and every ExternalSecret
        await().atMost(Duration.ofSeconds(60)).until(() -> reconciled(b).size() == EXTERNAL_SECRETS + 1);

        List<RecordedRequest> afterSigterm = requests.drain();
        int release = -1;
        for (int i = 0; i < afterSigterm.size(); i++) {
            RecordedRequest r = afterSigterm.get(i);
            if (from(r, "replica-a") && isWrite(r) && r.getPath().contains("/leases/" + LEASE)) {
                release = i;
            }
        }
        assertTrue(release >= 0, "replica-a released the Lease: " + describe(afterSigterm));
        assertFalse(
                afterSigterm.get(release).getUtf8Body().contains("holderIdentity"),
                afterSigterm.get(release).getUtf8Body());
        assertEquals(
                List.of(),
                describe(writesOf(afterSigterm.subList(release + 1, afterSigterm.size()), "replica-a")),
                "replica-a writes nothing after giving up the Lease");
        assertEquals(
                List.of(),
                describe(objectWrites(afterSigterm, "replica-b")),
                "replica-b's first cycle writes nothing that was already correct");

        // positive control: replica-b's writes reach the log when there is something to repair; the repair's
        // whole reconcile (Secret, event, status) is over before the Lease is taken below
        client.secrets().inNamespace(APPS).withName("es-0").delete();
        List<String> repair = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            repair.addAll(describe(objectWrites(requests.drain(), "replica-b")));
            return repair.stream().anyMatch(w -> w.startsWith("POST /api/v1/namespaces/apps/secrets"))
                    && repair.stream().anyMatch(w -> w.contains("/externalsecrets/es-0/status"))
                    && repair.stream().anyMatch(w -> w.contains("/events"));
        });

        // another identity takes the Lease: replica-b must stop writing, by exiting
        stealLease("intruder");
        assertTrue(b.process.waitFor(30, TimeUnit.SECONDS), "replica-b still running; log:\n" + tail(b));
        assertEquals(1, b.process.exitValue(), "replica-b exits as a lost leader; log:\n" + tail(b));
        assertEquals(List.of(), describe(objectWrites(requests.drain(), "replica-b")));
        assertEquals("intruder", holder(), "a leader that lost the Lease does not release another's");
        for (SluiceProcess replica : List.of(a, b)) {
            assertFalse(replica.output().contains("t0k3n"), replica.identity + " logged a secret value");
        }
    }

    private SluiceProcess start(String identity) throws Exception {
        SluiceProcess replica =
                SluiceProcess.start(identity, client.getConfiguration().getMasterUrl(), TIMINGS);
        replicas.add(replica);
        return replica;
    }

    private void awaitLeading(SluiceProcess replica) {
        await().atMost(Duration.ofSeconds(120))
                .failFast(() -> !replica.process.isAlive())
                .until(() -> replica.readiness() != null && replica.identity.equals(holder()));
    }

    private String holder() {
        Lease lease = client.leases().inNamespace(NS).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private void stealLease(String identity) {
        editLatest(client.leases().inNamespace(NS).withName(LEASE), lease -> {
            lease.getSpec().setHolderIdentity(identity);
            lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
            lease.getSpec().setLeaseDurationSeconds(300);
            return lease;
        });
    }

    private String readyStatus(String name) {
        ExternalSecret es = client.resources(ExternalSecret.class)
                .inNamespace(APPS)
                .withName(name)
                .get();
        Condition ready =
                es == null || es.getStatus() == null ? null : Conditions.find(es.getStatus().conditions, "Ready");
        return ready == null ? null : ready.status;
    }

    private static Set<String> reconciled(SluiceProcess replica) throws Exception {
        Matcher m = RECONCILED.matcher(replica.metrics());
        Set<String> resources = new HashSet<>();
        while (m.find()) {
            resources.add(m.group(1) + "/" + m.group(2));
        }
        return resources;
    }

    private static boolean from(RecordedRequest request, String identity) {
        return ("Bearer " + identity).equals(request.getHeader("Authorization"));
    }

    private static boolean isWrite(RecordedRequest request) {
        return !request.getMethod().equals("GET");
    }

    private static List<RecordedRequest> writesOf(List<RecordedRequest> requests, String identity) {
        return requests.stream().filter(r -> from(r, identity) && isWrite(r)).toList();
    }

    /** Writes to anything but the Lease: Secrets, statuses, events. */
    private static List<RecordedRequest> objectWrites(List<RecordedRequest> requests, String identity) {
        return writesOf(requests, identity).stream()
                .filter(r -> !r.getPath().contains("/leases/") && !r.getPath().contains("selfsubjectrulesreviews"))
                .toList();
    }

    private static List<String> describe(List<RecordedRequest> requests) {
        return requests.stream()
                .map(r -> r.getMethod() + " " + r.getPath() + " by " + r.getHeader("Authorization"))
                .toList();
    }

    private static String tail(SluiceProcess replica) {
        String log = replica.output();
        return log.substring(Math.max(0, log.length() - 4000));
    }

    /** Every request the test server received, in arrival order, from the last drain on. */
    private record RequestLog(KubernetesMockServer server) {
        List<RecordedRequest> drain() throws InterruptedException {
            List<RecordedRequest> taken = new ArrayList<>();
            for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS);
                    r != null;
                    r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
                taken.add(r);
            }
            return taken;
        }
    }
}
