package io.sluice.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The packaged jar ({@code target/quarkus-app}, or {@code -Dsluice.it.jar}) run as a real process against an API
 * server, with leader election on. Its identity in the Lease is {@code HOSTNAME}, as in a pod; its API requests
 * carry its identity as bearer token, so that the test server can tell the replicas' requests apart.
 */
final class SluiceProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    final String identity;
    final Process process;
    final Path log;
    private final int port;

    private SluiceProcess(String identity, Process process, Path log, int port) {
        this.identity = identity;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static SluiceProcess start(String identity, String apiServer, Map<String, String> settings) throws IOException {
        return start(identity, "leader-" + identity, apiServer, settings);
    }

    /** As {@link #start(String, String, Map)}, logging to {@code target/<logName>.log}. */
    static SluiceProcess start(String identity, String logName, String apiServer, Map<String, String> settings)
            throws IOException {
        int port = freePort();
        Path log = Path.of("target", logName + ".log");
        List<String> options = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                // fabric8's own settings: the quarkus.kubernetes-client ones are fixed at build time
                "-Dkubernetes.master=" + apiServer,
                "-Dkubernetes.auth.token=" + identity,
                "-Dkubernetes.auth.tryKubeConfig=false",
                "-Dkubernetes.auth.tryServiceAccount=false",
                "-Dsluice.leader-election.enabled=true"));
        settings.forEach((key, value) -> options.add("-D" + key + "=" + value));
        List<String> command = launcher(options);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOSTNAME", identity);
        return new SluiceProcess(identity, builder.start(), log, port);
    }

    /**
     * What the build produced ({@code target/quarkus-artifact.properties}): the native executable, else the jar
     * run by this JVM's java; {@code -Dsluice.it.jar} runs another jar.
     */
    private static List<String> launcher(List<String> options) throws IOException {
        String jar = System.getProperty("sluice.it.jar");
        List<String> command = new ArrayList<>();
        if (jar == null) {
            Properties artifact = new Properties();
            try (var in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
                artifact.load(in);
            }
            Path built = Path.of("target").resolve(artifact.getProperty("path"));
            if ("native".equals(artifact.getProperty("type"))) {
                command.add(built.toString());
                command.addAll(options);
                return command;
            }
            jar = built.toString();
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar));
        return command;
    }

    /** 200 from {@code /q/health/ready}; the body, or null while not ready or not listening. */
    JsonNode readiness() {
        try {
            HttpResponse<String> response = get("/q/health/ready");
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    String metrics() throws IOException {
        return get("/q/metrics").body();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        if (!process.isAlive()) {
            throw new IOException(identity + " exited with " + process.exitValue());
        }
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
