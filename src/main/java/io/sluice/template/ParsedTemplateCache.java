package io.sluice.template;

import io.quarkus.qute.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Parsed templates by content, least recently used first out. A thousand ExternalSecrets with the
 * same template share one parse. Failed parses are not cached: they throw every time. Bounded by
 * entries and by the total size of the cached sources, since one template may be up to 1 MiB.
 */
final class ParsedTemplateCache {
    /** A parsed template takes a few times its source in memory: 64 Mi characters keep the cache well under 1 GB. */
    static final long MAX_CACHED_CHARS = 64L * 1024 * 1024;

    private final int maxEntries;
    private long cachedChars;
    private final Map<String, Template> templates;
    private final AtomicLong parses = new AtomicLong();

    ParsedTemplateCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.templates = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
                if (size() <= ParsedTemplateCache.this.maxEntries) {
                    return false;
                }
                cachedChars -= eldest.getKey().length();
                return true;
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
            if (templates.putIfAbsent(key, parsed) == null) {
                cachedChars += key.length();
                evictBeyondSize();
            }
        }
        return parsed;
    }

    private void evictBeyondSize() {
        var eldest = templates.keySet().iterator();
        while (cachedChars > MAX_CACHED_CHARS && templates.size() > 1 && eldest.hasNext()) {
            cachedChars -= eldest.next().length();
            eldest.remove();
        }
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
