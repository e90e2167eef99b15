package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One {@code spec.dataFrom[]} entry: many keys at once. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.sourceRef) || !has(self.sourceRef.generatorRef) || (!has(self.extract) && !has(self.find))",
        message = "a generatorRef cannot be combined with extract or find")
public class ExternalSecretDataFrom {
    public RemoteRef extract;
    public ExternalSecretFind find;
    public List<ExternalSecretRewrite> rewrite;
    public StoreSourceRef sourceRef;
}
