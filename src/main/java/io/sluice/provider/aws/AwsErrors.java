package io.sluice.provider.aws;

import io.sluice.provider.CredentialsRejectedException;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into the typed provider errors. Messages name the operation, the secret and the AWS
 * error code. The SDK exception is not kept as the cause: its text and request details would reach logs
 * unfiltered, and credentials have leaked into ESO's logs that way.
 */
public final class AwsErrors {
    /** Secrets Manager's, then Parameter Store's (a missing parameter; its tags: InvalidResourceId). */
    static final Set<String> NOT_FOUND_CODES =
            Set.of("ResourceNotFoundException", "ParameterNotFound", "InvalidResourceId");

    static final Set<String> DELETION_CODES = Set.of("InvalidRequestException", "InvalidParameterException");
    static final Set<String> RETRYABLE_CODES = Set.of(
            "ThrottlingException",
            "Throttling",
            "TooManyRequestsException",
            "RequestLimitExceeded",
            "RequestThrottled",
            "RequestThrottledException",
            "ProvisionedThroughputExceededException",
            "InternalServiceError",
            "InternalFailure",
            "InternalError",
            "ServiceUnavailable",
            "ServiceUnavailableException",
            "RequestTimeout",
            "RequestTimeoutException",
            "IDPCommunicationError",
            "PriorRequestNotComplete");
    /**
     * The credentials themselves were refused: rebuilding the client (reading them again, a new STS session) may
     * help. Permission errors of Secrets Manager (AccessDeniedException) are not among them.
     */
    static final Set<String> CREDENTIALS_REJECTED_CODES = Set.of(
            "ExpiredTokenException",
            "ExpiredToken",
            "InvalidClientTokenId",
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "InvalidAccessKeyId",
            "InvalidToken",
            "InvalidIdentityToken",
            "ExpiredTokenError");
    /** STS refuses an AssumeRole (with whichever credentials signed it) with this code. */
    private static final String STS_ACCESS_DENIED = "AccessDenied";
    /** Access key ids (long-term AKIA, temporary ASIA): never echoed even if a server puts one in a message. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}\\b");

    private static final int MAX_DETAIL = 300;

    private AwsErrors() {}

    /**
     * @param operation the AWS operation, e.g. GetSecretValue
     * @param subject the secret name (or the store for calls about no particular secret)
     */
    public static ProviderException classify(String operation, String subject, SdkException e) {
        Optional<Throwable> lastAttempt = AttemptRecordingRetryStrategy.takeLastFailure();
        ProviderException fromCredentials = providerCause(e);
        if (fromCredentials != null) {
            // Raised while resolving credentials (a Kubernetes read, a token request) inside the SDK call.
            return fromCredentials;
        }
        if (e instanceof AwsServiceException service) {
            return classifyService(operation, subject, service);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new RetryableProviderException(
                    prefix(operation, subject) + "timed out"
                            + lastAttempt
                                    .filter(AwsServiceException.class::isInstance)
                                    .map(AwsServiceException.class::cast)
                                    .map(service -> " retrying " + describe(service))
                                    .orElse(""),
                    null);
        }
        if (e instanceof SdkClientException && hasIoCause(e)) {
            return new RetryableProviderException(
                    prefix(operation, subject) + "network error ("
                            + ioCause(e).getClass().getSimpleName() + ")",
                    null);
        }
        if (e instanceof SdkClientException) {
            // Missing credentials, invalid endpoint and the like: a change is needed before it can work.
            return new ProviderConfigurationException(prefix(operation, subject) + sanitize(e.getMessage()));
        }
        return new RetryableProviderException(prefix(operation, subject) + sanitize(e.getMessage()), null);
    }

    private static ProviderException classifyService(String operation, String subject, AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "UnknownError" : details.errorCode();
        String awsMessage = details == null ? null : details.errorMessage();
        String message = prefix(operation, subject) + describe(e) + detail(awsMessage);
        if (CREDENTIALS_REJECTED_CODES.contains(code) || STS_ACCESS_DENIED.equals(code) && isSts(details)) {
            return new CredentialsRejectedException(message);
        }
        return typed(message, code, awsMessage, e.isThrottlingException() || e.statusCode() >= 500);
    }

    /** The service, error code and HTTP status of a service error, e.g. "SecretsManager ThrottlingException (HTTP 400)". */
    private static String describe(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "UnknownError" : details.errorCode();
        String service = details == null || details.serviceName() == null ? "" : details.serviceName() + " ";
        return service + code + " (HTTP " + e.statusCode() + ")";
    }

    private static boolean isSts(AwsErrorDetails details) {
        return details != null
                && details.serviceName() != null
                && details.serviceName().equalsIgnoreCase("sts");
    }

    /** An error reported inside a response (BatchGetSecretValue's Errors list) rather than as an HTTP failure. */
    public static ProviderException fromErrorEntry(String operation, String subject, String code, String awsMessage) {
        String message = prefix(operation, subject) + code + detail(awsMessage);
        return typed(message, code, awsMessage, false);
    }

    private static ProviderException typed(String message, String code, String awsMessage, boolean transientFailure) {
        if (isNotFound(code, awsMessage)) {
            return new SecretNotFoundException(message);
        }
        if (transientFailure || RETRYABLE_CODES.contains(code)) {
            return new RetryableProviderException(message, null);
        }
        return new ProviderConfigurationException(message);
    }

    private static String detail(String awsMessage) {
        return awsMessage == null || awsMessage.isBlank() ? "" : ": " + sanitize(awsMessage);
    }

    /**
     * ResourceNotFound, or a request refused because the secret is scheduled for deletion (AWS says "marked for
     * deletion", moto "marked deleted").
     */
    public static boolean isNotFound(String code, String awsMessage) {
        return NOT_FOUND_CODES.contains(code)
                || DELETION_CODES.contains(code)
                        && awsMessage != null
                        && (awsMessage.contains("marked for deletion") || awsMessage.contains("marked deleted"));
    }

    private static String prefix(String operation, String subject) {
        return operation + (subject == null ? "" : " " + subject) + " failed: ";
    }

    private static ProviderException providerCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderException p) {
                return p;
            }
        }
        return null;
    }

    private static boolean hasIoCause(Throwable e) {
        return ioCause(e) != null;
    }

    private static Throwable ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return t;
            }
        }
        return null;
    }

    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = ACCESS_KEY_ID.matcher(text).replaceAll("***");
        return cleaned.length() > MAX_DETAIL ? cleaned.substring(0, MAX_DETAIL) + "..." : cleaned;
    }
}
