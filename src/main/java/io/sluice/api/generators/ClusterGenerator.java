package io.sluice.api.generators;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/** ESO's cluster-wide generator: one generator spec, usable from any namespace's generatorRef. */
@Group(Generators.GROUP)
@Version(Generators.VERSION)
@Categories({"external-secrets", "external-secrets-generators"})
public class ClusterGenerator extends CustomResource<ClusterGeneratorSpec, Void> {}
