package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * One key rewrite of {@code dataFrom[].rewrite[]}; exactly one of its members is set. The rule counts with
 * arithmetic, not a list and a macro: it sits inside two unbounded arrays, and the API server multiplies its
 * estimated cost by the largest number of items those could hold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "(has(self.regexp) ? 1 : 0) + (has(self.transform) ? 1 : 0) + (has(self.merge) ? 1 : 0) == 1",
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
