package io.univinsight.crawler.scope;

import java.util.List;
import java.util.Map;

import io.univinsight.chain.ChainCatalog;

/**
 * The configured chain of URL filters (crawler.scope.url-filters, with parameters under
 * crawler.scope.params.FILTER.PARAM), applied in order; the first refusal wins.
 */
public final class UrlFilters {
    private static final ChainCatalog<UrlFilter> CATALOG = new ChainCatalog<UrlFilter>("URL filter")
            .add(HttpOnlyFilter.NAME, params -> new HttpOnlyFilter())
            .add(SameSiteFilter.NAME, params -> new SameSiteFilter())
            .add(AcademicLinkFilter.NAME, params -> new AcademicLinkFilter())
            .add(StartFolderFilter.NAME, params -> new StartFolderFilter())
            .add(UrlLengthFilter.NAME, UrlLengthFilter.PARAMS, UrlLengthFilter::new);

    private final List<UrlFilter> chain;

    private UrlFilters(List<UrlFilter> chain) {
        this.chain = chain;
    }

    /** Every filter, in the default order, at its default parameters. */
    public static UrlFilters defaults() {
        return of(CATALOG.names());
    }

    /** @throws IllegalArgumentException for an unknown name, so a typo fails at startup */
    public static UrlFilters of(List<String> names) {
        return of(names, Map.of());
    }

    /** @throws IllegalArgumentException for an unknown name or parameter, so a typo fails at startup */
    public static UrlFilters of(List<String> names, Map<String, Map<String, String>> params) {
        return new UrlFilters(CATALOG.build(names, params));
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
