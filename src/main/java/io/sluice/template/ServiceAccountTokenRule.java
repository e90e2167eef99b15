package io.sluice.template;

import io.sluice.kube.SecretTypeRules;
import java.util.Map;

/**
 * ESO refuses a template of type {@code kubernetes.io/service-account-token} that sets the service-account
 * annotation: the API server would fill such a Secret with a token of that account, a way around RBAC. The CRD rule
 * sees only {@code metadata.annotations}; here the rendered annotations are checked, whatever produced them
 * ({@code templateFrom} with target Annotations included).
 */
final class ServiceAccountTokenRule {
    static final String TYPE = "kubernetes.io/service-account-token";

    private ServiceAccountTokenRule() {}

    static void check(String type, Map<String, String> renderedAnnotations) {
        if (TYPE.equals(type) && renderedAnnotations.containsKey(SecretTypeRules.SERVICE_ACCOUNT_NAME_ANNOTATION)) {
            String where = "metadata.annotations[" + SecretTypeRules.SERVICE_ACCOUNT_NAME_ANNOTATION + "]";
            throw new TemplateException(
                    TemplateErrorReason.TemplateOutputError,
                    where,
                    where + ": a template of type " + TYPE + " must not set the service account annotation");
        }
    }
}
