package io.univinsight.crawler.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The configured chain of URL filters (crawler.scope.url-filters), applied in order; the first refusal wins. */
public final class UrlFilters {
    private static final Map<String, Supplier<UrlFilter>> REGISTRY = new LinkedHashMap<>();

    static {
        register(HttpOnlyFilter::new);
        register(SameSiteFilter::new);
        register(AcademicLinkFilter::new);
        register(StartFolderFilter::new);
        register(UrlLengthFilter::new);
    }

    private final List<UrlFilter> chain;

    private UrlFilters(List<UrlFilter> chain) {
        this.chain = List.copyOf(chain);
    }

    private static void register(Supplier<UrlFilter> factory) {
        REGISTRY.put(factory.get().name(), factory);
    }

    /** Every filter, in the default order. */
    public static UrlFilters defaults() {
        return of(List.copyOf(REGISTRY.keySet()));
    }

    /** @throws IllegalArgumentException for an unknown name, so a typo fails at startup */
    public static UrlFilters of(List<String> names) {
        List<UrlFilter> chain = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            Supplier<UrlFilter> factory = REGISTRY.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("unknown URL filter '" + raw + "'; known: " + REGISTRY.keySet());
            }
            chain.add(factory.get());
        }
        return new UrlFilters(chain);
    }

    /** Null when every filter accepts the link, else the name of the first that refused it. */
    public String refusal(LinkCandidate link, CrawlScope scope) {
        for (UrlFilter filter : chain) {
            if (!filter.accept(link, scope)) {
                return filter.name();
            }
        }
        return null;
    }

    public List<String> names() {
        return chain.stream().map(UrlFilter::name).toList();
    }
}
