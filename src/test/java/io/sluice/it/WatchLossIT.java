package io.sluice.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sluice.testing.ExpiringWatchesDispatcher;
import io.sluice.testing.aws.emulator.AwsEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar against an API server that ends every watch with 410 Gone (as after an etcd compaction or an
 * API server restart), and against an API server that is stopped and started again, while Secrets are deleted,
 * ExternalSecrets edited and PushSecret sources changed: Sluice converges with no lost update, and the relists
 * cost no more syncs than the changes need (no hot loop, no resync of everything).
 */
class WatchLossIT {
    private static final String LEASE_NS = "sluice-system";
    private static final int EXTERNAL_SECRETS = Integer.getInteger("sluice.it.watch-loss.external-secrets", 100);
    private static final int PUSH_SECRETS = 5;
    private static final Pattern SYNCS = Pattern.compile("(?m)^externalsecret_sync_calls_total\\{[^}]*\\} ([0-9.E]+)$");

    private final RulesReviewingDispatcher dispatcher = new RulesReviewingDispatcher();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private AwsEmulator emulator;
    private SluiceProcess sluice;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.start();
        client = server.createClient();
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(LEASE_NS)
                        .endMetadata()
                        .build())
                .create();
        emulator = AwsEmulator.start();
    }

    @AfterEach
    void stop() {
        if (sluice != null) {
            sluice.close();
        }
        emulator.close();
        client.close();
        server.shutdown();
    }

    @Test
    void watchesEndedWith410AndAnApiServerRestartLoseNoUpdateAndCostOnlyTheSyncsTheChangesNeed() throws Exception {
        try (SyncWorld world = new SyncWorld(client, emulator, EXTERNAL_SECRETS, PUSH_SECRETS)) {
            world.create();
            String endpoint = emulator.endpoint().toString();
            sluice = SluiceProcess.start(
                    "sluice-0",
                    "watch-loss",
                    client.getConfiguration().getMasterUrl(),
                    Map.of(
                            "sluice.leader-election.lease-namespace", LEASE_NS,
                            "sluice.aws.secrets-manager-endpoint", endpoint,
                            "sluice.aws.sts-endpoint", endpoint));
            world.awaitConverged(sluice);
            double syncsBefore = syncs();

            // watches end with 410 Gone; the changes land while the informers relist and watch again
            int expired = dispatcher.expireOpenWatches();
            for (int i = 0; i < 5; i++) {
                world.deleteTarget(i);
                world.repoint(5 + i, "after-410");
            }
            world.setSource(0, SyncWorld.VALUE_MARK + "push-0-after-410");
            world.awaitConverged(sluice);
            double syncsAfter410 = syncs();

            // the API server stops and comes back on the same address with the same data; then things change
            int port = server.getPort();
            int watching = dispatcher.watchesOpened() - dispatcher.watchesEnded();
            int openedBefore = dispatcher.watchesOpened();
            server.shutdown();
            Thread.sleep(2000); // the outage itself: the connection refusals are what is under test
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
            server.start(port);
            // A real API server replays, to a watch resumed at its resourceVersion, what changed while it was
            // reconnecting; the test server cannot. So the changes wait until every watch is back.
            await().atMost(Duration.ofSeconds(60))
                    .failFast(() -> !sluice.process.isAlive())
                    .until(() -> dispatcher.watchesOpened() - openedBefore >= watching);
            for (int i = 10; i < 15; i++) {
                world.deleteTarget(i);
                world.repoint(5 + i, "after-restart");
            }
            world.setSource(1, SyncWorld.VALUE_MARK + "push-1-after-restart");
            world.awaitConverged(sluice);
            double syncsAfterRestart = syncs();

            // positive control for the quiet that follows: one change costs one sync, nothing else is syncing
            world.deleteTarget(30);
            world.awaitConverged(sluice);
            double syncsAfterControl = syncs();

            System.out.printf(
                    "[watch-loss] %d ExternalSecrets, %d PushSecrets; %d watches ended with 410; syncs: %.0f"
                            + " to converge, +%.0f after the 410s (10 ExternalSecrets changed), +%.0f after the restart (10"
                            + " changed), +%.0f for one deleted Secret; watches opened %d, ended %d%n",
                    EXTERNAL_SECRETS,
                    PUSH_SECRETS,
                    expired,
                    syncsBefore,
                    syncsAfter410 - syncsBefore,
                    syncsAfterRestart - syncsAfter410,
                    syncsAfterControl - syncsAfterRestart,
                    dispatcher.watchesOpened(),
                    dispatcher.watchesEnded());
            assertTrue(expired >= 5, "Sluice's informers were watching: " + expired);
            // a relist delivers every object again: each may be looked at, but only the changed ones are synced.
            // Upper bounds only: convergence above already proves no change was lost, and the sync counter may
            // lag the convergence it observed (4 of 10 was seen once on a loaded machine)
            assertTrue(syncsAfter410 - syncsBefore <= 20, "syncs after the 410s: " + (syncsAfter410 - syncsBefore));
            assertTrue(
                    syncsAfterRestart - syncsAfter410 <= 20,
                    "syncs after the restart: " + (syncsAfterRestart - syncsAfter410));
            assertEquals(1.0, syncsAfterControl - syncsAfterRestart, "one change, one sync");
            assertFalse(sluice.output().contains(SyncWorld.VALUE_MARK), "a secret value in the log");
        }
    }

    /** externalsecret_sync_calls_total over every ExternalSecret. */
    private double syncs() throws Exception {
        Matcher m = SYNCS.matcher(sluice.metrics());
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    /** Also answers the SelfSubjectRulesReview with which JOSDK checks its Lease permissions before electing. */
    private static final class RulesReviewingDispatcher extends ExpiringWatchesDispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
                return new MockResponse()
                        .setResponseCode(201)
                        .setBody(Serialization.asJson(new SelfSubjectRulesReviewBuilder()
                                .withNewStatus()
                                .withResourceRules(new ResourceRuleBuilder()
                                        .withApiGroups("coordination.k8s.io")
                                        .withResources("leases")
                                        .withVerbs("*")
                                        .build())
                                .withIncomplete(false)
                                .endStatus()
                                .build()));
            }
            return super.dispatch(request);
        }
    }
}
