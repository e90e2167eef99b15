package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/**
 * The Status bodies below are shaped like kube-apiserver's (apimachinery's field.ErrorList rendered by
 * NewInvalid), and the exceptions like fabric8's requestFailure: the message embeds the Status text too.
 */
class ApiErrorsTest {
    private static final String VALUE = "s3cr3t value from templateFrom.secret!";

    /** What the API server answers for a label value it refuses: the value is quoted twice. */
    static KubernetesClientException invalidLabel(String value) {
        String rule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
                + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        String json = """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"Secret \\"app\\" is invalid: metadata.labels: Invalid value: \\"%1$s\\": %2$s",
                 "reason":"Invalid",
                 "details":{"name":"app","kind":"Secret","causes":[
                   {"reason":"FieldValueInvalid","message":"Invalid value: \\"%1$s\\": %2$s","field":"metadata.labels"}]},
                 "code":422}
                """.formatted(value, rule);
        Status status = Serialization.unmarshal(json, Status.class);
        return new KubernetesClientException(
                "Failure executing: POST at: https://10.0.0.1/api/v1/namespaces/t/secrets. " + "Message: "
                        + status.getMessage() + ". Received status: " + status + ".",
                422,
                status);
    }

    @Test
    void aRefusedLabelKeepsCodeReasonObjectAndFieldButNeverTheValue() {
        KubernetesClientException e = invalidLabel(VALUE);
        assertTrue(
                e.getMessage().contains(VALUE) && e.getStatus().getMessage().contains(VALUE),
                "the fixture carries the value where fabric8 and the API server put it");

        String shown = ApiErrors.describe(e);

        assertEquals("HTTP 422 Invalid: Secret app: metadata.labels (FieldValueInvalid)", shown);
        assertFalse(shown.contains("s3cr3t"), shown);
    }

    @Test
    void theRuntimeExceptionOverloadSanitizesKubernetesErrorsAndKeepsOthers() {
        RuntimeException kubernetes = invalidLabel(VALUE);
        assertEquals(
                "HTTP 422 Invalid: Secret app: metadata.labels (FieldValueInvalid)", ApiErrors.describe(kubernetes));
        assertEquals("written by Sluice", ApiErrors.describe(new IllegalStateException("written by Sluice")));
    }

    @Test
    void subscriptsThatAreNotPlainSecretKeysAreMasked() {
        String json = """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","code":422,
                 "message":"Secret \\"app\\" is invalid: ...",
                 "details":{"name":"app","kind":"Secret","causes":[
                   {"reason":"FieldValueInvalid","message":"Invalid value: \\"x\\"","field":"data[pass word!]"},
                   {"reason":"FieldValueRequired","message":"Required value","field":"data[tls.crt]"},
                   {"reason":"FieldValueInvalid","message":"Invalid value","field":"data[a]b]"},
                   {"reason":"FieldValueInvalid","message":"Invalid value","field":"spec.data[0].remoteRef.key"}]}}
                """;
        Status status = Serialization.unmarshal(json, Status.class);

        String shown = ApiErrors.describe(new KubernetesClientException(status));

        assertEquals(
                "HTTP 422 Invalid: Secret app: data[...] (FieldValueInvalid), data[tls.crt] (FieldValueRequired), "
                        + "FieldValueInvalid, spec.data[0].remoteRef.key (FieldValueInvalid)",
                shown);
    }

    @Test
    void anErrorWithoutStatusOrAnswerShowsOnlyWhatHappened() {
        assertEquals("HTTP 403", ApiErrors.describe(new KubernetesClientException("Forbidden: " + VALUE, 403, null)));
        String noAnswer = ApiErrors.describe(
                new KubernetesClientException("An error has occurred: " + VALUE, new java.net.ConnectException(VALUE)));
        assertEquals("no answer from the API server (ConnectException)", noAnswer);
    }

    @Test
    void aForbiddenStatusShowsReasonAndObject() {
        Status status = Serialization.unmarshal("""
                {"kind":"Status","status":"Failure","reason":"Forbidden","code":403,
                 "message":"secrets \\"db\\" is forbidden: User \\"system:serviceaccount:sluice:sluice\\" cannot get",
                 "details":{"name":"db","kind":"secrets"}}
                """, Status.class);
        assertEquals("HTTP 403 Forbidden: secrets db", ApiErrors.describe(new KubernetesClientException(status)));
    }

    @Test
    void unusualReasonsKindsAndNamesAreLeftOut() {
        Status status = Serialization.unmarshal("""
                {"kind":"Status","status":"Failure","reason":"Invalid: %1$s","code":422,
                 "details":{"name":"%1$s","kind":"Secret %1$s","causes":[{"reason":"%1$s","field":"%1$s"}]}}
                """.formatted(VALUE), Status.class);
        String shown = ApiErrors.describe(new KubernetesClientException(status));
        assertEquals("HTTP 422", shown);
    }

    @Test
    void anUnexpectedErrorIsShownByItsTypeUnlessSluiceWroteItOrTheApiServerAnswered() throws Exception {
        Exception parser;
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"pass\": " + VALUE + "}");
            throw new AssertionError("not JSON");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            parser = e;
        }
        assertTrue(parser.getMessage().contains("s3cr3t"), "Jackson quotes its input");
        assertEquals("unexpected JsonParseException", ApiErrors.describeUnexpected(parser));
        assertEquals(
                "unexpected UncheckedIOException",
                ApiErrors.describeUnexpected(new java.io.UncheckedIOException(VALUE, new java.io.IOException(VALUE))));

        RuntimeException wrapped = new IllegalStateException(VALUE, invalidLabel(VALUE));
        assertEquals(
                "Kubernetes API error: HTTP 422 Invalid: Secret app: metadata.labels (FieldValueInvalid)",
                ApiErrors.describeUnexpected(wrapped));

        assertEquals(
                "spec.data[0].remoteRef.key is required",
                ApiErrors.describeUnexpected(new io.sluice.externalsecret.SyncException(
                        "SecretSyncedError", "spec.data[0].remoteRef.key is required")));
    }
}
