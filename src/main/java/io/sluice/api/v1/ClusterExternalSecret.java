package io.sluice.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

@Group("external-secrets.io")
@Version("v1")
@ShortNames("ces")
@Categories("external-secrets")
@AdditionalPrinterColumn(name = "Store", jsonPath = ".spec.externalSecretSpec.secretStoreRef.name")
@AdditionalPrinterColumn(name = "Refresh Interval", jsonPath = ".spec.refreshTime")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
public class ClusterExternalSecret extends CustomResource<ClusterExternalSecretSpec, ClusterExternalSecretStatus> {}
