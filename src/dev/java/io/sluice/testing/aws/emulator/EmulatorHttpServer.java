package io.sluice.testing.aws.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side: one loopback port for every emulated service. Each request is routed to the handler that
 * recognises it, counted, then
 * failed, delayed or dropped by an injected {@link Fault}, refused by the access policy, or served.
 */
final class EmulatorHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmulatorHttpServer.class.getName());

    private final List<ProtocolHandler> handlers;
    private final CallCounter calls;
    private final FaultInjector faults;
    private final AccessPolicy access;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "aws-emulator");
        thread.setDaemon(true);
        return thread;
    });

    EmulatorHttpServer(List<ProtocolHandler> handlers, CallCounter calls, FaultInjector faults, AccessPolicy access) {
        this.handlers = List.copyOf(handlers);
        this.calls = calls;
        this.faults = faults;
        this.access = access;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the AWS emulator", e);
        }
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            IncomingRequest request = IncomingRequest.of(
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestBody().readAllBytes());
            Optional<HttpReply> answer = dispatch(request);
            if (answer.isEmpty()) {
                return; // closing the exchange before any response headers drops the connection
            }
            HttpReply reply = answer.get();
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders()
                    .set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** The reply, or empty when the connection is to be dropped without one. */
    private Optional<HttpReply> dispatch(IncomingRequest request) {
        for (ProtocolHandler handler : handlers) {
            Optional<String> operation = handler.operationOf(request);
            if (operation.isPresent()) {
                calls.record(operation.get());
                Optional<Fault> fault = faults.next(operation.get());
                if (fault.isPresent() && fault.get() instanceof Fault.ConnectionDrop) {
                    return Optional.empty();
                }
                if (fault.isPresent() && fault.get() instanceof Fault.ErrorReply error) {
                    return Optional.of(handler.render(new AwsError(
                            error.code(), error.status(), "Injected " + error.code() + " for " + operation.get())));
                }
                if (fault.isPresent() && fault.get() instanceof Fault.SlowReply slow) {
                    pause(slow.delay());
                }
                return Optional.of(serve(handler, operation.get(), request));
            }
        }
        return Optional.of(HttpReply.of(
                400,
                "text/plain",
                "The emulator serves Secrets Manager, Parameter Store (JSON 1.1) and STS (query) only"));
    }

    private static void pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpReply serve(ProtocolHandler handler, String operation, IncomingRequest request) {
        try {
            Optional<AwsError> refusal = access.check(handler, operation, request);
            if (refusal.isPresent()) {
                return handler.render(refusal.get());
            }
            return handler.handle(operation, request);
        } catch (AwsError error) {
            return handler.render(error);
        } catch (RuntimeException bug) {
            LOG.log(Level.WARNING, "AWS emulator failed on " + operation, bug);
            return handler.render(new AwsError(
                    "InternalFailure",
                    500,
                    "The emulator failed: " + bug.getClass().getName()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
