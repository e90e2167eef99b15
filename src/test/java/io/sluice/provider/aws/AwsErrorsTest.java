package io.sluice.provider.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.provider.CredentialsRejectedException;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretNotFoundException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sts.model.StsException;

class AwsErrorsTest {

    private static SecretsManagerException service(String code, int status, String message) {
        return (SecretsManagerException) SecretsManagerException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("SecretsManager")
                        .build())
                .statusCode(status)
                .message(message)
                .build();
    }

    private static StsException sts(String code, int status) {
        return (StsException) StsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("refused")
                        .serviceName("Sts")
                        .build())
                .statusCode(status)
                .message("refused")
                .build();
    }

    @Test
    void rejectedCredentialsAreTold() {
        for (String code :
                new String[] {"ExpiredTokenException", "UnrecognizedClientException", "InvalidSignatureException"}) {
            assertInstanceOf(
                    CredentialsRejectedException.class,
                    AwsErrors.classify("GetSecretValue", "x", service(code, 400, "refused")),
                    code);
        }
        assertInstanceOf(
                CredentialsRejectedException.class,
                AwsErrors.classify("GetSecretValue", "x", sts("InvalidClientTokenId", 403)));
        assertInstanceOf(
                CredentialsRejectedException.class,
                AwsErrors.classify("GetSecretValue", "x", sts("ExpiredToken", 400)));
        assertInstanceOf(
                CredentialsRejectedException.class,
                AwsErrors.classify("GetSecretValue", "x", sts("AccessDenied", 403)),
                "STS refusing AssumeRole");
    }

    @Test
    void permissionErrorsAreNotRejectedCredentials() {
        ProviderException e = AwsErrors.classify("GetSecretValue", "x", service("AccessDeniedException", 400, "no"));
        assertInstanceOf(ProviderConfigurationException.class, e);
        assertFalse(e instanceof CredentialsRejectedException, "a rebuild would not grant a permission");
    }

    @Test
    void resourceNotFoundIsNotFound() {
        ProviderException e = AwsErrors.classify(
                "GetSecretValue",
                "app/db",
                service("ResourceNotFoundException", 400, "Secrets Manager can't find the specified secret."));
        assertInstanceOf(SecretNotFoundException.class, e);
        assertTrue(e.getMessage().contains("app/db"), e.getMessage());
        assertTrue(e.getMessage().contains("ResourceNotFoundException"), e.getMessage());
    }

    @Test
    void markedForDeletionIsNotFound() {
        String message = "You can't perform this operation on the secret because it was marked for deletion.";
        assertInstanceOf(
                SecretNotFoundException.class,
                AwsErrors.classify("GetSecretValue", "x", service("InvalidRequestException", 400, message)));
        assertInstanceOf(
                SecretNotFoundException.class,
                AwsErrors.classify("GetSecretValue", "x", service("InvalidParameterException", 400, message)));
        assertInstanceOf(
                SecretNotFoundException.class,
                AwsErrors.classify(
                        "GetSecretValue",
                        "x",
                        service(
                                "InvalidRequestException",
                                400,
                                "You tried to perform the operation on a secret that's currently marked deleted.")));
    }

    @Test
    void otherInvalidRequestsAreConfigurationErrors() {
        assertInstanceOf(
                ProviderConfigurationException.class,
                AwsErrors.classify(
                        "GetSecretValue",
                        "x",
                        service("InvalidRequestException", 400, "You provided a parameter value that is not valid")));
    }

    @Test
    void throttlingAndServerErrorsAreRetryable() {
        assertInstanceOf(
                RetryableProviderException.class,
                AwsErrors.classify("GetSecretValue", "x", service("ThrottlingException", 400, "Rate exceeded")));
        assertInstanceOf(
                RetryableProviderException.class,
                AwsErrors.classify("GetSecretValue", "x", service("InternalServiceError", 500, "boom")));
        assertInstanceOf(
                RetryableProviderException.class,
                AwsErrors.classify("GetSecretValue", "x", service("SomethingNew", 503, "unavailable")));
    }

    @Test
    void accessDeniedCarriesCodeAndSecretButNoAccessKey() {
        ProviderException e = AwsErrors.classify(
                "GetSecretValue",
                "team/api-key",
                service(
                        "AccessDeniedException",
                        400,
                        "User with access key AKIAIOSFODNN7EXAMPLE is not authorized to perform secretsmanager:GetSecretValue"));
        assertInstanceOf(ProviderConfigurationException.class, e);
        assertTrue(e.getMessage().contains("AccessDeniedException"), e.getMessage());
        assertTrue(e.getMessage().contains("team/api-key"), e.getMessage());
        assertFalse(e.getMessage().contains("AKIAIOSFODNN7EXAMPLE"), e.getMessage());
        assertNull(e.getCause(), "the SDK exception is not kept: its text reaches logs unfiltered");
    }

    @Test
    void networkFailuresAndTimeoutsAreRetryable() {
        SdkClientException io = SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(new SocketTimeoutException("Read timed out"))
                .build();
        assertInstanceOf(RetryableProviderException.class, AwsErrors.classify("GetSecretValue", "x", io));
        assertInstanceOf(
                RetryableProviderException.class,
                AwsErrors.classify("GetSecretValue", "x", ApiCallTimeoutException.create(1000)));
    }

    @Test
    void missingCredentialsAreAConfigurationError() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers");
        assertInstanceOf(ProviderConfigurationException.class, AwsErrors.classify("GetSecretValue", "x", e));
    }

    @Test
    void aProviderErrorRaisedWhileResolvingCredentialsIsKept() {
        var cause = new ProviderConfigurationException("service account ns/sa not found");
        SdkClientException e = SdkClientException.builder()
                .message("Unable to load credentials")
                .cause(cause)
                .build();
        assertSame(cause, AwsErrors.classify("GetSecretValue", "x", e));
    }

    @Test
    void errorEntriesOfABatchAreClassifiedLikeHttpErrors() {
        assertInstanceOf(
                SecretNotFoundException.class,
                AwsErrors.fromErrorEntry("BatchGetSecretValue", "a", "ResourceNotFoundException", "gone"));
        assertInstanceOf(
                RetryableProviderException.class,
                AwsErrors.fromErrorEntry("BatchGetSecretValue", "a", "ThrottlingException", "slow down"));
        assertInstanceOf(
                ProviderConfigurationException.class,
                AwsErrors.fromErrorEntry("BatchGetSecretValue", "a", "AccessDeniedException", "no"));
    }
}
