package io.sluice.testing.aws.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * ECR over the JSON 1.1 protocol ({@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>}):
 * GetAuthorizationToken only, answered from {@link EcrState}.
 */
final class EcrHandler implements ProtocolHandler {

    private static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcrState state;

    EcrHandler(EcrState state) {
        this.state = state;
    }

    @Override
    public Optional<String> operationOf(IncomingRequest request) {
        String target = request.target();
        return target != null && target.startsWith(TARGET_PREFIX)
                ? Optional.of(target.substring(TARGET_PREFIX.length()))
                : Optional.empty();
    }

    @Override
    public HttpReply handle(String operation, IncomingRequest request) {
        if (!operation.equals("GetAuthorizationToken")) {
            throw AwsError.badRequest("UnknownOperationException", "Unknown operation " + operation);
        }
        EcrState.Token token =
                state.issue(request.accessKey().orElse(null), request.region().orElse(AwsEmulator.DEFAULT_REGION));
        ObjectNode out = JSON.createObjectNode();
        ObjectNode data = out.putArray("authorizationData").addObject();
        data.put("authorizationToken", token.authorizationToken());
        data.put("expiresAt", SecretsManagerHandler.epochSeconds(token.expiresAt()));
        data.put("proxyEndpoint", token.proxyEndpoint());
        return reply(200, out);
    }

    @Override
    public HttpReply render(AwsError error) {
        ObjectNode out = JSON.createObjectNode();
        out.put("__type", error.code());
        out.put("message", error.getMessage());
        return reply(error.status(), out);
    }

    @Override
    public AwsError accessDenied(String operation, String principal) {
        return new AwsError(
                "AccessDeniedException",
                400,
                "User: " + principal + " is not authorized to perform: ecr:" + operation + " on resource: *");
    }

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    @Override
    public AwsError expiredToken() {
        return new AwsError("ExpiredTokenException", 400, "The security token included in the request is expired");
    }

    @Override
    public AwsError invalidClientToken() {
        return new AwsError(
                "UnrecognizedClientException", 400, "The security token included in the request is invalid.");
    }

    private static HttpReply reply(int status, ObjectNode body) {
        try {
            return new HttpReply(status, CONTENT_TYPE, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
