package io.sluice.testing.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * AWS's JSON 1.1 protocol, shared by the services that speak it (Secrets Manager, Parameter Store, ECR): JSON
 * bodies, errors as {@code {"__type": code, "message": text}}, and the authentication errors those services give.
 */
abstract class JsonProtocol implements ProtocolHandler {
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    @Override
    public HttpReply render(AwsError error) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.code());
        body.put("message", error.getMessage());
        return reply(error.status(), body);
    }

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    @Override
    public AwsError invalidClientToken() {
        return AwsError.badRequest(
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Override
    public AwsError expiredToken() {
        return AwsError.badRequest("ExpiredTokenException", "The security token included in the request is expired");
    }

    protected static HttpReply reply(int status, ObjectNode body) {
        try {
            return new HttpReply(status, CONTENT_TYPE, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw AwsError.badRequest("SerializationException", "The request body is not valid JSON");
        }
    }
}
