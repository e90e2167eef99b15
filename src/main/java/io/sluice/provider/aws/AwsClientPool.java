package io.sluice.provider.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * SDK clients shared by every store with the same configuration, counted by lease. When the last lease of
 * a configuration is released the clients stay for {@code idleTtl} (a store edit that keeps the AWS
 * configuration keeps its STS session), then they are closed by the next acquire or release.
 */
final class AwsClientPool implements AutoCloseable {
    private final Function<ClientConfiguration, AwsClients> factory;
    private final Duration idleTtl;
    private final Clock clock;
    private final Map<ClientConfiguration, Entry> entries = new HashMap<>();

    AwsClientPool(Function<ClientConfiguration, AwsClients> factory, Duration idleTtl, Clock clock) {
        this.factory = factory;
        this.idleTtl = idleTtl;
        this.clock = clock;
    }

    /** One holder's claim on pooled clients; releasing twice is harmless. */
    final class Lease {
        private final Entry entry;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Entry entry) {
            this.entry = entry;
        }

        AwsClients clients() {
            if (released.get()) {
                throw new IllegalStateException("the AWS client was closed");
            }
            return entry.clients;
        }

        /** The same for every lease of one pooled configuration. */
        Object pooledClients() {
            return entry.clients;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                AwsClientPool.this.release(entry);
            }
        }

        /**
         * Takes these pooled clients out of the pool, so the next acquire of the same configuration builds new ones
         * (with new STS sessions); they close when their last lease is released.
         */
        void retire() {
            AwsClientPool.this.retire(entry);
        }
    }

    private static final class Entry {
        final ClientConfiguration config;
        final AwsClients clients;
        int leases;
        Instant idleSince;
        boolean retired;

        Entry(ClientConfiguration config, AwsClients clients) {
            this.config = config;
            this.clients = clients;
        }
    }

    synchronized Lease acquire(ClientConfiguration config) {
        closeExpired();
        Entry entry = entries.get(config);
        if (entry == null) {
            entry = new Entry(config, factory.apply(config));
            entries.put(config, entry);
        }
        entry.leases++;
        entry.idleSince = null;
        return new Lease(entry);
    }

    private synchronized void release(Entry entry) {
        entry.leases--;
        if (entry.leases == 0 && entry.retired) {
            entry.clients.close();
        } else if (entry.leases == 0) {
            entry.idleSince = clock.instant();
        }
        closeExpired();
    }

    private synchronized void retire(Entry entry) {
        if (!entry.retired && entries.remove(entry.config, entry)) {
            entry.retired = true;
        }
    }

    /** Configurations with clients open, leased or idle. */
    synchronized int size() {
        return entries.size();
    }

    private void closeExpired() {
        Instant now = clock.instant();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.idleSince != null && !entry.idleSince.plus(idleTtl).isAfter(now)) {
                it.remove();
                entry.clients.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        entries.values().forEach(e -> e.clients.close());
        entries.clear();
    }
}
