package io.sluice.testing.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * A moto server started outside the JVM ({@code .ci/moto.sh start PORT}), enabled by
 * {@code -Dcontract.moto.endpoint=http://127.0.0.1:PORT}. Reset through moto's own API.
 */
public final class MotoServer extends SdkBackedServer {

    public static final String ENDPOINT_PROPERTY = "contract.moto.endpoint";

    MotoServer(URI endpoint) {
        super("moto", endpoint);
    }

    @Override
    public Set<ServerQuirk> quirks() {
        return Set.of(ServerQuirk.BATCH_GET_OMITS_MISSING_IDS, ServerQuirk.ACCEPTS_ANY_CREDENTIALS);
    }

    @Override
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "moto reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto at " + endpoint() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }
}
