package io.sluice.kube;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Preconditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/**
 * Deletes an object only if the name still belongs to the object that was read: the request carries a
 * {@code DeleteOptions} precondition on its uid (and, when asked, its resourceVersion), which the API server
 * checks atomically with the delete and answers with 409 Conflict when it does not hold. A Secret deleted and
 * re-created by someone else in between is therefore never deleted by mistake.
 *
 * <p>fabric8 7.5 can send only a resourceVersion precondition ({@code lockResourceVersion}), so the request is
 * sent raw. The fabric8 test server ignores the request body; {@code GuardedDeleteTest} checks the request.
 */
public final class GuardedDelete {
    private GuardedDelete() {}

    /**
     * @param unchangedOnly also require the resourceVersion that was read (nothing about the object changed)
     * @return true when deleted, false when there was nothing at that name any more
     * @throws KubernetesClientException with code 409 when the object at that name is another one or changed
     */
    public static boolean delete(KubernetesClient client, HasMetadata object, boolean unchangedOnly) {
        var meta = object.getMetadata();
        if (meta.getUid() == null || meta.getUid().isEmpty()) {
            throw new IllegalArgumentException("an object read from the API server has a uid");
        }
        DeleteOptions options = new DeleteOptions();
        options.setPreconditions(new Preconditions(unchangedOnly ? meta.getResourceVersion() : null, meta.getUid()));
        try {
            return client.raw(path(object), "DELETE", options) != null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    static String path(HasMetadata object) {
        Class<? extends HasMetadata> type = object.getClass();
        String apiVersion = HasMetadata.getApiVersion(type);
        String root = apiVersion.contains("/") ? "/apis/" : "/api/";
        String namespace = object.getMetadata().getNamespace();
        return root + apiVersion + (namespace == null ? "" : "/namespaces/" + namespace) + "/"
                + HasMetadata.getPlural(type) + "/" + object.getMetadata().getName();
    }
}
