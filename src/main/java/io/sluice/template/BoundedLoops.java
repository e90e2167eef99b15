package io.sluice.template;

import io.quarkus.qute.Evaluator;
import io.quarkus.qute.Expression;
import io.quarkus.qute.LoopSectionHelper;
import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.Scope;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Qute's {@code {#for}}/{@code {#each}} with the loop-step limit of {@link RenderBudget}. Each
 * iteration costs the number of nodes in the loop body, so nested loops multiply. A loop whose size
 * is known up front (a number, a list, a map) is refused before it starts, which matters because
 * Qute sizes its result list by it: {@code {#for i in 2000000000}} would otherwise allocate 8 GB.
 */
final class BoundedLoops implements SectionHelperFactory<SectionHelper> {
    private final LoopSectionHelper.Factory loops = new LoopSectionHelper.Factory();

    @Override
    public List<String> getDefaultAliases() {
        return loops.getDefaultAliases();
    }

    @Override
    public ParametersInfo getParameters() {
        return loops.getParameters();
    }

    @Override
    public List<String> getBlockLabels() {
        return loops.getBlockLabels();
    }

    @Override
    public boolean cacheFactoryConfig() {
        return loops.cacheFactoryConfig();
    }

    @Override
    public boolean treatUnknownSectionsAsBlocks() {
        return loops.treatUnknownSectionsAsBlocks();
    }

    @Override
    public MissingEndTagStrategy missingEndTagStrategy() {
        return loops.missingEndTagStrategy();
    }

    @Override
    public Scope initializeBlock(Scope outerScope, BlockInfo block) {
        return loops.initializeBlock(outerScope, block);
    }

    @Override
    public SectionHelper initialize(SectionInitContext context) {
        LoopSectionHelper loop = loops.initialize(context);
        long cost = nodes(context.getBlocks().get(0));
        return resolution -> loop.resolve(new Counted(resolution, cost));
    }

    /** Every node under the loop body, nested sections included: what one iteration may evaluate. */
    private static long nodes(SectionBlock body) {
        long count = 1;
        Deque<SectionBlock> pending = new ArrayDeque<>(List.of(body));
        while (!pending.isEmpty()) {
            for (TemplateNode node : pending.pop().nodes) {
                count++;
                if (node.isSection()) {
                    pending.addAll(node.asSection().getBlocks());
                }
            }
        }
        return count;
    }

    private static long knownSize(Object iterable) {
        return switch (iterable) {
            case Integer n -> n;
            case Long n -> n;
            case Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            case null -> 0;
            default -> iterable.getClass().isArray() ? Array.getLength(iterable) : 0;
        };
    }

    /** The loop's view of the render: checks the iterable when it is evaluated, counts each iteration. */
    private record Counted(SectionHelper.SectionResolutionContext delegate, long cost)
            implements SectionHelper.SectionResolutionContext {
        @Override
        public CompletionStage<Map<String, Object>> evaluate(Map<String, Expression> expressions) {
            return delegate.evaluate(expressions);
        }

        @Override
        public ResolutionContext resolutionContext() {
            return new CheckedIterable(delegate.resolutionContext(), cost);
        }

        @Override
        public ResolutionContext newResolutionContext(Object data, Map<String, SectionBlock> extendingBlocks) {
            return delegate.newResolutionContext(data, extendingBlocks);
        }

        @Override
        public CompletionStage<ResultNode> execute(SectionBlock block, ResolutionContext context) {
            RenderBudget.of(context).loopIteration(cost);
            return delegate.execute(block, context);
        }

        @Override
        public Map<String, Object> getParameters() {
            return delegate.getParameters();
        }
    }

    private record CheckedIterable(ResolutionContext delegate, long cost) implements ResolutionContext {
        @Override
        public CompletionStage<Object> evaluate(Expression expression) {
            return delegate.evaluate(expression).thenApply(value -> {
                RenderBudget.of(delegate).checkLoop(knownSize(value), cost);
                return value;
            });
        }

        @Override
        public CompletionStage<Object> evaluate(String expression) {
            return delegate.evaluate(expression);
        }

        @Override
        public ResolutionContext createChild(Object data, Map<String, SectionBlock> extendingBlocks) {
            return delegate.createChild(data, extendingBlocks);
        }

        @Override
        public Object getData() {
            return delegate.getData();
        }

        @Override
        public ResolutionContext getParent() {
            return delegate.getParent();
        }

        @Override
        public SectionBlock getExtendingBlock(String name) {
            return delegate.getExtendingBlock(name);
        }

        @Override
        public SectionBlock getCurrentExtendingBlock(String name) {
            return delegate.getCurrentExtendingBlock(name);
        }

        @Override
        public Object getAttribute(String key) {
            return delegate.getAttribute(key);
        }

        @Override
        public Template getTemplate() {
            return delegate.getTemplate();
        }

        @Override
        public Evaluator getEvaluator() {
            return delegate.getEvaluator();
        }
    }
}
