package io.sluice.template;

import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import io.sluice.template.functions.GoValues;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;

/** Prints numbers, maps, lists, times and durations as Go's templates print them ("1e+06", "map[a:1]", "[a b]"). */
final class GoPrintResultMapper implements ResultMapper {
    @Override
    public int getPriority() {
        return 50;
    }

    @Override
    public boolean appliesTo(Origin origin, Object result) {
        return result instanceof Double
                || result instanceof Float
                || result instanceof Map<?, ?>
                || result instanceof Collection<?>
                || result instanceof ZonedDateTime
                || result instanceof Duration;
    }

    @Override
    public String map(Object result, Expression expression) {
        return GoValues.print(result);
    }
}
