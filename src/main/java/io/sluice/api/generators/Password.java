package io.sluice.api.generators;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/** ESO's password generator: a random password from a cryptographically secure source. */
@Group(Generators.GROUP)
@Version(Generators.VERSION)
@Categories({"external-secrets", "external-secrets-generators"})
public class Password extends CustomResource<PasswordSpec, Void> implements Namespaced {}
