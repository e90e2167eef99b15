package io.sluice.testing.aws.emulator;

import java.util.Optional;

/** One AWS service speaking one wire protocol. */
interface ProtocolHandler {

    /** The operation name when this handler serves the request, empty when the request is not for it. */
    Optional<String> operationOf(IncomingRequest request);

    /** Operations that AWS accepts without a SigV4 signature. */
    default boolean isUnsigned(String operation) {
        return false;
    }

    HttpReply handle(String operation, IncomingRequest request);

    HttpReply render(AwsError error);

    AwsError accessDenied(String operation, String principal);

    AwsError missingAuthentication();

    AwsError expiredToken();

    /** The answer to an access key that does not exist (deleted, deactivated or revoked). */
    AwsError invalidClientToken();
}
