package io.sluice.api.generators;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/** ESO's ECR generator: a registry login from {@code GetAuthorizationToken}, valid for 12 hours. */
@Group(Generators.GROUP)
@Version(Generators.VERSION)
@Categories({"external-secrets", "external-secrets-generators"})
public class ECRAuthorizationToken extends CustomResource<EcrAuthorizationTokenSpec, Void> implements Namespaced {}
