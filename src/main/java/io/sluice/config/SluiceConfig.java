package io.sluice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every Sluice setting, in one place. Each one has a default; the README's configuration table lists
 * them with their environment variable names (e.g. {@code sluice.controller-class} is
 * {@code SLUICE_CONTROLLER_CLASS}).
 */
@ConfigMapping(prefix = "sluice")
public interface SluiceConfig {

    /** Stores whose {@code spec.controller} is set and differs from this are ignored, with their ExternalSecrets. */
    @WithDefault("default")
    String controllerClass();

    /** When true (ESO's flood gate), an ExternalSecret fails fast while its store is not Ready. */
    @WithDefault("true")
    boolean requireReadyStore();

    /**
     * The shortest refresh interval honoured (ExternalSecret and PushSecret {@code refreshInterval},
     * ClusterExternalSecret {@code refreshTime}, store {@code refreshInterval}): a shorter positive interval
     * is raised to it, so no tenant can make Sluice poll in a tight loop. {@code 0} keeps meaning "sync once".
     */
    @WithDefault("10s")
    Duration minRefreshInterval();

    /**
     * First retry delay after a ClusterExternalSecret, SecretStore or ClusterSecretStore reconcile failed with an
     * error it did not expect; doubles per failure. ExternalSecrets and PushSecrets use their own retry settings.
     */
    @WithDefault("5s")
    Duration retryInitialBackoff();

    /** Upper bound of the retry delay after such errors: the resource is retried at this pace, never given up. */
    @WithDefault("5m")
    Duration retryMaxBackoff();

    ExternalSecrets externalSecrets();

    ClusterExternalSecrets clusterExternalSecrets();

    PushSecrets pushSecrets();

    Stores stores();

    Fetch fetch();

    Aws aws();

    LeaderElection leaderElection();

    Kubernetes kubernetes();

    interface ExternalSecrets {
        /** Used when {@code spec.refreshInterval} is absent (ESO's CRD default). */
        @WithDefault("1h")
        Duration defaultRefreshInterval();

        /** Refreshes are spread by up to this fraction of their interval, so restarts do not cause bursts. */
        @WithDefault("0.1")
        double refreshJitter();

        /**
         * After a restart, refreshes that fell due while Sluice was down are spread over this window (or the
         * refresh interval, if shorter) instead of all running at once.
         */
        @WithDefault("5m")
        Duration startupRefreshSpread();

        /**
         * Periodic refreshes running at once. First syncs, spec changes and repairs never wait for this, so
         * new work overtakes a refresh storm; a refresh that finds no slot is retried a few seconds later.
         */
        @WithDefault("4")
        int maxConcurrentRefreshes();

        /** First retry delay after a failed sync; doubles per failure. */
        @WithDefault("5s")
        Duration retryInitialBackoff();

        /** Upper bound of the retry delay after failed syncs. */
        @WithDefault("5m")
        Duration retryMaxBackoff();
    }

    interface ClusterExternalSecrets {
        /** How often a ClusterExternalSecret is re-checked when {@code spec.refreshTime} is empty (ESO's default). */
        @WithDefault("1h")
        Duration defaultRefreshTime();
    }

    interface PushSecrets {
        /** Used when a PushSecret's {@code spec.refreshInterval} is absent (ESO's CRD default). */
        @WithDefault("1h")
        Duration defaultRefreshInterval();

        /** First retry delay after a failed push; doubles per failure. */
        @WithDefault("5s")
        Duration retryInitialBackoff();

        /** Upper bound of the retry delay after failed pushes. */
        @WithDefault("5m")
        Duration retryMaxBackoff();
    }

    interface Stores {
        /** Store revalidation period when {@code spec.refreshInterval} is empty or 0. */
        @WithDefault("5m")
        Duration defaultRefreshInterval();
    }

    interface Fetch {
        /**
         * Reads of the same remote secret (same store, key and version) share one provider call while the
         * first read is younger than this window and than half the reader's refresh interval.
         * {@code force-sync} bypasses it. 0 disables sharing across reconciles (calls in flight are still joined).
         */
        @WithDefault("60s")
        Duration sharedReadWindow();

        /** Upper bound of remote values held for sharing. */
        @WithDefault("10000")
        int maxSharedEntries();
    }

    interface Aws {
        /** Secrets Manager endpoint override (LocalStack, moto, VPC endpoints). AWS_ENDPOINT_URL_SECRETS_MANAGER is honoured too. */
        Optional<String> secretsManagerEndpoint();

        /** Parameter Store (SSM) endpoint override. AWS_ENDPOINT_URL_SSM is honoured too. */
        Optional<String> ssmEndpoint();

        /** STS endpoint override. AWS_ENDPOINT_URL_STS is honoured too. */
        Optional<String> stsEndpoint();

        /** ECR endpoint override, for the ECRAuthorizationToken generator. AWS_ENDPOINT_URL_ECR is honoured too. */
        Optional<String> ecrEndpoint();

        /** STS credentials are renewed this long before they expire (the tokens are re-minted with them). */
        @WithDefault("5m")
        Duration credentialRefreshMargin();

        /** An AWS client no store uses any more is kept this long, so a store edit keeps its STS session. */
        @WithDefault("10m")
        Duration idleClientTtl();

        /** Upper bound of one AWS API call, retries included. */
        @WithDefault("60s")
        Duration callTimeout();

        /**
         * How the SDK clients retry. {@code adaptive}: once AWS throttles, every call through the clients of that
         * identity (stores with the same region, credentials and roles share them) first waits for a client-side
         * token bucket that fills at the rate AWS accepts, so a throttled identity slows down for all its stores
         * rather than retrying harder. {@code standard}: capped exponential backoff with jitter, per call only.
         */
        @WithDefault("adaptive")
        RetryMode retryMode();

        enum RetryMode {
            STANDARD,
            ADAPTIVE
        }

        /** ListSecrets page size used by {@code dataFrom.find} (AWS allows 1 to 100). */
        @WithDefault("100")
        int listPageSize();

        /** BatchGetSecretValue page size and ids per call used by {@code dataFrom.find} (AWS allows 1 to 20). */
        @WithDefault("20")
        int batchSize();
    }

    /** Replicas elect a leader on a coordination.k8s.io Lease: only the leader reconciles and writes. */
    interface LeaderElection {
        /** Off for a single replica that needs no Lease (the embedded demo, tests). */
        @WithDefault("true")
        boolean enabled();

        /** Name of the Lease. */
        @WithDefault("sluice-leader")
        String leaseName();

        /** Namespace of the Lease; by default the namespace Sluice runs in. */
        Optional<String> leaseNamespace();

        /** How long a lease stays valid without renewal: a standby takes over at most this long after a leader dies. */
        @WithDefault("15s")
        Duration leaseDuration();

        /** A leader that cannot renew within this stops reconciling (and exits); shorter than the lease duration. */
        @WithDefault("10s")
        Duration renewDeadline();

        /** How often candidates try to acquire, and the leader to renew, the lease. */
        @WithDefault("2s")
        Duration retryPeriod();
    }

    /** How much Sluice does at once against the Kubernetes API. */
    interface Kubernetes {
        /** Reconciles running at once, shared by all controllers (ESO's --concurrent). */
        @WithDefault("10")
        int reconcileThreads();

        /**
         * Kubernetes API requests per second at most, over every client of the process (ESO's --client-qps):
         * a request beyond the burst waits on the thread that sends it. {@code 0} switches the limit off. Higher
         * than ESO's 50: a first sync costs about three requests, and 50 would hold first syncs to about 16 a second,
         * the client-side wait ESO users report at scale; 300 keeps the measured first-sync rate and still caps a
         * runaway well below what an API server accepts.
         */
        @WithDefault("300")
        double clientQps();

        /** Requests that may go at once before {@code client-qps} paces them (ESO's --client-burst). */
        @WithDefault("600")
        int clientBurst();

        /**
         * Requests in flight to the API server at most (watches included), on top of the
         * {@code client-qps} pacing.
         */
        @WithDefault("64")
        int maxConcurrentRequests();

        /** Requests in flight to one API server host at most. */
        @WithDefault("32")
        int maxConcurrentRequestsPerHost();

        /**
         * Syncs of one ExternalSecret (each reads the provider and may write the Secret and the status), pushes
         * of one PushSecret and reconciles of one ClusterExternalSecret in any sliding minute at most. More are
         * postponed, so a ping-pong with another writer, a relisting informer or an event storm after an API
         * server restart never becomes a hot loop.
         */
        @WithDefault("60")
        int maxReconcilesPerMinute();
    }
}
