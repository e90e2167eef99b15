package io.sluice.testing;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds one chosen request of the operator's Kubernetes clients before it is sent, until the test releases it: a
 * test can then change the resource on the server while the operator's write is in flight, deterministically.
 * Every client of the test JVM passes through it ({@link HeldRequestsHttpClientFactory}); unarmed, it does nothing.
 */
public final class HeldRequests implements Interceptor {
    public static final HeldRequests INSTANCE = new HeldRequests();

    private final AtomicReference<Hold> armed = new AtomicReference<>();

    private HeldRequests() {}

    /** Holds the next request with this method whose path ends with {@code pathSuffix}. */
    public Hold holdNext(String method, String pathSuffix) {
        Hold hold = new Hold(method, pathSuffix, this);
        if (!armed.compareAndSet(null, hold)) {
            throw new IllegalStateException("a request is already being held");
        }
        return hold;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        Hold hold = armed.get();
        if (hold != null && hold.matches(request) && armed.compareAndSet(hold, null)) {
            if (Thread.currentThread().getName().contains("eventloop")) {
                throw new IllegalStateException("refusing to block an event loop thread");
            }
            hold.block();
        }
    }

    /** One held request: the test waits until it is held, changes the server, then releases it. */
    public static final class Hold implements AutoCloseable {
        private final String method;
        private final String pathSuffix;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final HeldRequests owner;

        private Hold(String method, String pathSuffix, HeldRequests owner) {
            this.method = method;
            this.pathSuffix = pathSuffix;
            this.owner = owner;
        }

        private boolean matches(HttpRequest request) {
            return method.equalsIgnoreCase(request.method())
                    && request.uri().getPath().endsWith(pathSuffix);
        }

        private void block() {
            held.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held request was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until the operator sent the request (it is now held); fails after {@code atMost}. */
        public void awaitHeld(Duration atMost) throws InterruptedException {
            if (!held.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(method + " …" + pathSuffix + " was not sent within " + atMost);
            }
        }

        /** Lets the held request go to the server, or stops waiting for it. */
        @Override
        public void close() {
            owner.armed.compareAndSet(this, null);
            released.countDown();
        }
    }
}
