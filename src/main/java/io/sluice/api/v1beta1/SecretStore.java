package io.sluice.api.v1beta1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** ESO's retired {@code v1beta1} SecretStore: in the CRD for clusters that once stored it; never served. */
@Group("external-secrets.io")
@Version(value = "v1beta1", served = false, storage = false, deprecated = true)
// the generator merges the names of all versions: they must agree with v1
@ShortNames("ss")
@Categories("external-secrets")
public class SecretStore extends CustomResource<RetiredContent, RetiredContent> implements Namespaced {}
