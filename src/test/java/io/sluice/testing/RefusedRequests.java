package io.sluice.testing;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Makes the API server refuse chosen requests of the test JVM's Kubernetes clients (the operator's too, see
 * {@link HeldRequestsHttpClientFactory}) with an HTTP error, until the test lifts the refusal: a matching request
 * is redirected to {@code /sluice-refused/<code>}, which the test server answers with that code
 * ({@link #expectRefusals}). The CRUD test server itself has no way to fail one resource's requests for a while.
 */
public final class RefusedRequests implements Interceptor {
    public static final RefusedRequests INSTANCE = new RefusedRequests();
    private static final String PATH = "/sluice-refused/";

    private final List<Refusal> active = new CopyOnWriteArrayList<>();

    private RefusedRequests() {}

    /** Answers {@code /sluice-refused/<code>} with a Status of that code and reason, for every code a test uses. */
    public static void expectRefusals(KubernetesServer server, int code, String reason) {
        server.expect()
                .get()
                .withPath(PATH + code)
                .andReturn(
                        code,
                        new StatusBuilder()
                                .withStatus("Failure")
                                .withCode(code)
                                .withReason(reason)
                                .withMessage("refused by the test: this text must never be shown")
                                .build())
                .always();
    }

    /** Refuses every GET (get, list, watch) whose URI matches, with {@code code}, until closed. */
    public Refusal refuseGets(Predicate<URI> which, int code) {
        Refusal refusal = new Refusal(which, code, this);
        active.add(refusal);
        return refusal;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (!"GET".equalsIgnoreCase(request.method())) {
            return;
        }
        for (Refusal refusal : active) {
            if (refusal.which.test(request.uri())) {
                refusal.refused.incrementAndGet();
                builder.uri(request.uri().resolve(PATH + refusal.code));
                return;
            }
        }
    }

    /** One refusal in force; counts the requests it refused. */
    public static final class Refusal implements AutoCloseable {
        private final Predicate<URI> which;
        private final int code;
        private final RefusedRequests owner;
        private final AtomicInteger refused = new AtomicInteger();

        private Refusal(Predicate<URI> which, int code, RefusedRequests owner) {
            this.which = which;
            this.code = code;
            this.owner = owner;
        }

        public int refused() {
            return refused.get();
        }

        @Override
        public void close() {
            owner.active.remove(this);
        }
    }
}
