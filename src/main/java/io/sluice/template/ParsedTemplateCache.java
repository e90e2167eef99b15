package io.sluice.template;

import io.quarkus.qute.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Parsed templates by content, least recently used first out. A thousand ExternalSecrets with the
 * same template share one parse. Failed parses are not cached: they throw every time.
 */
final class ParsedTemplateCache {
    private final int maxEntries;
    private final Map<String, Template> templates;
    private final AtomicLong parses = new AtomicLong();

    ParsedTemplateCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.templates = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
                return size() > ParsedTemplateCache.this.maxEntries;
            }
        };
    }

    /** The cached template for {@code key}, parsing it with {@code parser} the first time. */
    Template get(String key, Supplier<Template> parser) {
        synchronized (templates) {
            Template cached = templates.get(key);
            if (cached != null) {
                return cached;
            }
        }
        parses.incrementAndGet();
        Template parsed = parser.get();
        synchronized (templates) {
            templates.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    long parseCount() {
        return parses.get();
    }

    int size() {
        synchronized (templates) {
            return templates.size();
        }
    }
}
