package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One key rewrite of {@code dataFrom[].rewrite[]}; exactly one of its members is set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "[has(self.regexp), has(self.transform), has(self.merge)].filter(x, x).size() == 1",
        message = "exactly one of regexp, transform or merge must be set")
public class ExternalSecretRewrite {
    public Regexp regexp;
    public Transform transform;
    public Merge merge;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Regexp {
        public String source;
        public String target;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Transform {
        public String template;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Merge {
        public String into;
        public List<String> priority;
        public String priorityPolicy;
        public String conflictPolicy;
        public String strategy;
    }
}
