package io.sluice.provider.aws.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.sluice.api.common.SecretKeySelector;
import io.sluice.api.common.ServiceAccountSelector;
import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.StoreView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsSourceResolverTest {
    private static final StoreView NAMESPACED = new StoreView("SecretStore", "team-a", "aws", "uid", 1L, null, null);
    private static final StoreView CLUSTER = new StoreView("ClusterSecretStore", null, "aws", "uid", 1L, null, null);

    @Test
    void aSecretStoreIgnoresTheRefNamespace() {
        assertEquals("team-a", CredentialsSourceResolver.namespaceOf(NAMESPACED, "kube-system", "other"));
        assertEquals("team-a", CredentialsSourceResolver.namespaceOf(NAMESPACED, null, null));
    }

    @Test
    void aClusterStoreUsesTheRefNamespaceElseTheConsumers() {
        assertEquals("creds", CredentialsSourceResolver.namespaceOf(CLUSTER, "creds", "team-b"));
        assertEquals("team-b", CredentialsSourceResolver.namespaceOf(CLUSTER, null, "team-b"));
        assertThrows(
                ProviderConfigurationException.class, () -> CredentialsSourceResolver.namespaceOf(CLUSTER, "", null));
    }

    @Test
    void referentAuthIsAClusterStoreWithARefWithoutNamespace() {
        AwsProvider keys = staticKeys(null);
        assertTrue(CredentialsSourceResolver.usesReferentAuth(CLUSTER, keys));
        assertFalse(CredentialsSourceResolver.usesReferentAuth(NAMESPACED, keys));
        assertFalse(CredentialsSourceResolver.usesReferentAuth(CLUSTER, staticKeys("creds")));
        assertFalse(CredentialsSourceResolver.usesReferentAuth(CLUSTER, new AwsProvider()));

        AwsProvider jwt = new AwsProvider();
        jwt.auth = new AwsProvider.Auth();
        jwt.auth.jwt = new AwsProvider.Jwt();
        jwt.auth.jwt.serviceAccountRef = new ServiceAccountSelector();
        jwt.auth.jwt.serviceAccountRef.name = "reader";
        assertTrue(CredentialsSourceResolver.usesReferentAuth(CLUSTER, jwt));
        jwt.auth.jwt.serviceAccountRef.namespace = "ops";
        assertFalse(CredentialsSourceResolver.usesReferentAuth(CLUSTER, jwt));
    }

    @Test
    void audiencesStartWithTheAnnotationOrSts() {
        assertEquals(
                List.of("sts.amazonaws.com", "extra"),
                CredentialsSourceResolver.audiences(account(Map.of()), List.of("extra")));
        assertEquals(
                List.of("custom-aud"),
                CredentialsSourceResolver.audiences(
                        account(Map.of(CredentialsSourceResolver.AUDIENCE_ANNOTATION, "custom-aud")), null));
        assertEquals(
                List.of("sts.amazonaws.com"),
                CredentialsSourceResolver.audiences(account(Map.of()), List.of("sts.amazonaws.com", "")));
    }

    @Test
    void staticKeysNeverShowInToString() {
        var keys = new CredentialsSource.StaticKeys("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG", "token");
        assertFalse(keys.toString().contains("AKIA"));
        assertFalse(keys.toString().contains("wJalr"));
        assertFalse(keys.toString().contains("token"));
    }

    @Test
    void sessionTagsAndExternalIdBelongToTheLastRole() {
        AwsProvider aws = new AwsProvider();
        aws.additionalRoles = List.of("arn:aws:iam::1:role/a", " ", "arn:aws:iam::1:role/b");
        aws.role = "arn:aws:iam::1:role/final";
        aws.externalID = "ext";
        AwsProvider.Tag tag = new AwsProvider.Tag();
        tag.key = "team";
        tag.value = "payments";
        aws.sessionTags = List.of(tag);
        RoleChain chain = RoleChain.of(aws);
        assertEquals(List.of("arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"), chain.additionalRoles());
        assertEquals(Map.of("team", "payments"), chain.sessionTags());
        assertTrue(RoleChain.of(new AwsProvider()).isEmpty());
    }

    private static AwsProvider staticKeys(String namespace) {
        AwsProvider aws = new AwsProvider();
        aws.auth = new AwsProvider.Auth();
        aws.auth.secretRef = new AwsProvider.SecretRef();
        aws.auth.secretRef.accessKeyIDSecretRef = selector(namespace);
        aws.auth.secretRef.secretAccessKeySecretRef = selector(namespace);
        return aws;
    }

    private static SecretKeySelector selector(String namespace) {
        SecretKeySelector s = new SecretKeySelector();
        s.name = "aws-keys";
        s.key = "id";
        s.namespace = namespace;
        return s;
    }

    private static ServiceAccount account(Map<String, String> annotations) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("sa")
                .withAnnotations(annotations)
                .endMetadata()
                .build();
    }
}
