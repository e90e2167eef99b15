package io.sluice.testing.aws.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * ECR over the JSON 1.1 protocol ({@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>}):
 * GetAuthorizationToken only, answered from {@link EcrState}.
 */
final class EcrHandler extends JsonProtocol {

    private static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";

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
    public AwsError accessDenied(String operation, String principal) {
        return new AwsError(
                "AccessDeniedException",
                400,
                "User: " + principal + " is not authorized to perform: ecr:" + operation + " on resource: *");
    }
}
