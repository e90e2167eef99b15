package io.sluice.provider.aws.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.common.SecretKeySelector;
import io.sluice.api.common.ServiceAccountSelector;
import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.StoreView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads what a store's {@code auth} block points at in Kubernetes: jwt first, then secretRef, else the
 * default chain. A SecretStore's refs always resolve in its own namespace; a ClusterSecretStore's refs in
 * their namespace or, without one, in the consumer's (referent authentication).
 */
public final class CredentialsSourceResolver {
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
    public static final String AUDIENCE_ANNOTATION = "eks.amazonaws.com/audience";
    public static final String DEFAULT_AUDIENCE = "sts.amazonaws.com";

    private final KubernetesClient kubernetes;
    private final ServiceAccountTokens serviceAccounts;

    public CredentialsSourceResolver(KubernetesClient kubernetes) {
        this.kubernetes = kubernetes;
        this.serviceAccounts = new ServiceAccountTokens(kubernetes);
    }

    public CredentialsSource resolve(StoreView store, AwsProvider aws, String consumerNamespace) {
        return resolve(AuthOwner.of(store), aws.auth, consumerNamespace);
    }

    /**
     * Where an {@code auth} block lives: a store, or a generator. A namespaced owner's refs resolve in its own
     * namespace; a cluster-scoped owner's in the ref's namespace or else the consumer's.
     */
    public record AuthOwner(String displayName, boolean clusterScoped, String namespace) {
        static AuthOwner of(StoreView store) {
            return new AuthOwner(store.displayName(), store.isCluster(), store.namespace());
        }
    }

    public CredentialsSource resolve(AuthOwner owner, AwsProvider.Auth auth, String consumerNamespace) {
        if (auth != null && auth.jwt != null && auth.jwt.serviceAccountRef != null) {
            return webIdentity(owner, auth.jwt.serviceAccountRef, consumerNamespace);
        }
        if (auth != null && auth.secretRef != null) {
            return staticKeys(owner, auth.secretRef, consumerNamespace);
        }
        return new CredentialsSource.DefaultChain();
    }

    /** True for a ClusterSecretStore whose credentials refs name no namespace (ESO's ValidationUnknown). */
    public static boolean usesReferentAuth(StoreView store, AwsProvider aws) {
        if (!store.isCluster() || aws == null || aws.auth == null) {
            return false;
        }
        if (aws.auth.jwt != null && aws.auth.jwt.serviceAccountRef != null) {
            return isBlank(aws.auth.jwt.serviceAccountRef.namespace);
        }
        AwsProvider.SecretRef refs = aws.auth.secretRef;
        if (refs == null) {
            return false;
        }
        return lacksNamespace(refs.accessKeyIDSecretRef)
                || lacksNamespace(refs.secretAccessKeySecretRef)
                || lacksNamespace(refs.sessionTokenSecretRef);
    }

    /** The namespace a credentials ref resolves in. */
    static String namespaceOf(StoreView store, String refNamespace, String consumerNamespace) {
        return namespaceOf(AuthOwner.of(store), refNamespace, consumerNamespace);
    }

    static String namespaceOf(AuthOwner store, String refNamespace, String consumerNamespace) {
        if (!store.clusterScoped()) {
            return store.namespace();
        }
        if (!isBlank(refNamespace)) {
            return refNamespace;
        }
        if (isBlank(consumerNamespace)) {
            throw new ProviderConfigurationException(
                    store.displayName()
                            + ": a credentials reference names no namespace, so it can only be used from a namespaced resource");
        }
        return consumerNamespace;
    }

    /** The token audiences: the ServiceAccount's audience annotation (else sts.amazonaws.com), then the ref's own. */
    static List<String> audiences(ServiceAccount account, List<String> extra) {
        Map<String, String> annotations = account.getMetadata().getAnnotations();
        String annotated = annotations == null ? null : annotations.get(AUDIENCE_ANNOTATION);
        List<String> audiences = new ArrayList<>();
        audiences.add(isBlank(annotated) ? DEFAULT_AUDIENCE : annotated);
        if (extra != null) {
            extra.stream().filter(a -> !isBlank(a) && !audiences.contains(a)).forEach(audiences::add);
        }
        return audiences;
    }

    private CredentialsSource webIdentity(AuthOwner store, ServiceAccountSelector ref, String consumerNamespace) {
        String namespace = namespaceOf(store, ref.namespace, consumerNamespace);
        ServiceAccount account = serviceAccounts.get(namespace, ref.name);
        Map<String, String> annotations = account.getMetadata().getAnnotations();
        String roleArn = annotations == null ? null : annotations.get(ROLE_ARN_ANNOTATION);
        if (isBlank(roleArn)) {
            throw new ProviderConfigurationException("an IAM role must be associated with service account " + namespace
                    + "/" + ref.name + " (annotation " + ROLE_ARN_ANNOTATION + ")");
        }
        return new CredentialsSource.ServiceAccountWebIdentity(
                namespace, ref.name, audiences(account, ref.audiences), roleArn.trim());
    }

    private CredentialsSource staticKeys(AuthOwner store, AwsProvider.SecretRef refs, String consumerNamespace) {
        if (refs.accessKeyIDSecretRef == null || refs.secretAccessKeySecretRef == null) {
            throw new ProviderConfigurationException(
                    store.displayName() + ": auth.secretRef needs accessKeyIDSecretRef and secretAccessKeySecretRef");
        }
        String accessKeyId = read(store, "accessKeyIDSecretRef", refs.accessKeyIDSecretRef, consumerNamespace);
        String secretAccessKey =
                read(store, "secretAccessKeySecretRef", refs.secretAccessKeySecretRef, consumerNamespace);
        String sessionToken = refs.sessionTokenSecretRef == null
                ? null
                : read(store, "sessionTokenSecretRef", refs.sessionTokenSecretRef, consumerNamespace);
        return new CredentialsSource.StaticKeys(accessKeyId, secretAccessKey, sessionToken);
    }

    private String read(AuthOwner store, String field, SecretKeySelector ref, String consumerNamespace) {
        if (isBlank(ref.name) || isBlank(ref.key)) {
            throw new ProviderConfigurationException(
                    store.displayName() + ": auth.secretRef." + field + " needs a name and a key");
        }
        String namespace = namespaceOf(store, ref.namespace, consumerNamespace);
        String where = "secret " + namespace + "/" + ref.name;
        Secret secret = KubernetesErrors.call(
                "read " + where,
                () -> kubernetes
                        .secrets()
                        .inNamespace(namespace)
                        .withName(ref.name)
                        .get());
        if (secret == null) {
            throw new ProviderConfigurationException(where + " (auth.secretRef." + field + ") not found");
        }
        String value = valueOf(secret, ref.key);
        if (isBlank(value)) {
            throw new ProviderConfigurationException(
                    "key " + ref.key + " not found or empty in " + where + " (auth.secretRef." + field + ")");
        }
        // Keys pasted with a trailing newline are a classic; AWS keys never contain whitespace.
        return value.strip();
    }

    private static String valueOf(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            try {
                return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ProviderConfigurationException(
                        "key " + key + " of secret " + secret.getMetadata().getName() + " is not valid base64");
            }
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }

    private static boolean lacksNamespace(SecretKeySelector ref) {
        return ref != null && isBlank(ref.namespace);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
