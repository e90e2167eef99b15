package io.sluice.store;

import io.sluice.provider.CredentialsRejectedException;
import io.sluice.provider.FetchOutcome;
import io.sluice.provider.FindQuery;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretsClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A store's client that, when the provider rejects its credentials (expired session, rotated or revoked key),
 * builds itself anew once (credentials read again, new session) and retries the call before reporting the
 * failure. Concurrent callers that hit the same rejection share one rebuild.
 */
final class ReauthenticatingClient implements SecretsClient {
    private static final Logger LOG = Logger.getLogger(ReauthenticatingClient.class);

    private final String storeName;
    private final Supplier<SecretsClient> rebuild;
    private volatile SecretsClient current;
    private volatile boolean closed;

    ReauthenticatingClient(String storeName, SecretsClient initial, Supplier<SecretsClient> rebuild) {
        this.storeName = storeName;
        this.current = initial;
        this.rebuild = rebuild;
    }

    @Override
    public RemoteSecret fetch(RemoteKey key) {
        return call(c -> c.fetch(key));
    }

    @Override
    public int fetchBatchSize() {
        return current.fetchBatchSize();
    }

    @Override
    public Map<RemoteKey, FetchOutcome> fetchAll(List<RemoteKey> keys) {
        return call(c -> c.fetchAll(keys));
    }

    @Override
    public Map<String, RemoteSecret> find(FindQuery query) {
        return call(c -> c.find(query));
    }

    @Override
    public boolean push(PushRequest request) {
        return call(c -> c.push(request));
    }

    @Override
    public RemoteDeletion delete(PushTarget target) {
        return call(c -> c.delete(target));
    }

    @Override
    public boolean exists(PushTarget target) {
        return call(c -> c.exists(target));
    }

    @Override
    public void validate() {
        call(c -> {
            c.validate();
            return null;
        });
    }

    @Override
    public Object sharingKey() {
        return current.sharingKey();
    }

    @Override
    public void retireCredentials() {
        current.retireCredentials();
    }

    @Override
    public synchronized void close() {
        closed = true;
        current.close();
    }

    private <T> T call(Function<SecretsClient, T> operation) {
        SecretsClient used = current;
        try {
            return operation.apply(used);
        } catch (CredentialsRejectedException rejected) {
            return operation.apply(replace(used, rejected));
        }
    }

    private synchronized SecretsClient replace(SecretsClient rejectedClient, CredentialsRejectedException rejected) {
        if (current != rejectedClient) {
            return current; // another call rebuilt it meanwhile
        }
        if (closed) {
            throw rejected;
        }
        LOG.infof("%s: credentials rejected (%s), rebuilding its client once", storeName, rejected.getMessage());
        rejectedClient.retireCredentials();
        current = rebuild.get();
        rejectedClient.close();
        return current;
    }
}
