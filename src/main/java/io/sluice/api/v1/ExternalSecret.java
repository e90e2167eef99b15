package io.sluice.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

@Group("external-secrets.io")
@Version("v1")
@ShortNames("es")
@Categories("external-secrets")
@AdditionalPrinterColumn(name = "StoreType", jsonPath = ".spec.secretStoreRef.kind")
@AdditionalPrinterColumn(name = "Store", jsonPath = ".spec.secretStoreRef.name")
@AdditionalPrinterColumn(name = "Refresh Interval", jsonPath = ".spec.refreshInterval")
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Last Sync", jsonPath = ".status.refreshTime")
public class ExternalSecret extends CustomResource<ExternalSecretSpec, ExternalSecretStatus> implements Namespaced {}
