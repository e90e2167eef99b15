package io.sluice.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fabric8 CRUD mock API server, plus what it lacks to test watch recovery: ending every open watch the way an
 * API server does when a watch's resourceVersion has expired (an ERROR event carrying a 410 Gone Status, then
 * close), as happens after an API server restart.
 */
public class ExpiringWatchesDispatcher extends KubernetesCrudDispatcher {
    private static final String GONE = "{\"type\":\"ERROR\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Status\","
            + "\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
            + "\"message\":\"too old resource version\"}}";

    private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        WebSocketListener crud = response.getWebSocketListener();
        return response.withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response handshake) {
                open.add(webSocket);
                opened.incrementAndGet();
                crud.onOpen(webSocket, handshake);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                crud.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                if (open.remove(webSocket)) {
                    ended.incrementAndGet();
                }
                crud.onClosed(webSocket, code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable error, Response failed) {
                if (open.remove(webSocket)) {
                    ended.incrementAndGet();
                }
                crud.onFailure(webSocket, error, failed);
            }
        });
    }

    /** Sends 410 Gone on every open watch and closes it; returns how many there were. */
    public int expireOpenWatches() {
        int count = 0;
        for (WebSocket webSocket : Set.copyOf(open)) {
            webSocket.send(GONE);
            webSocket.close(1000, "expired");
            count++;
        }
        return count;
    }

    /** Watches opened so far. */
    public int watchesOpened() {
        return opened.get();
    }

    /** Watches that ended (closed by either side, or failed). */
    public int watchesEnded() {
        return ended.get();
    }
}
