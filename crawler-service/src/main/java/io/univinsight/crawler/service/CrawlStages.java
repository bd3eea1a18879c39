package io.univinsight.crawler.service;

import java.time.Clock;
import java.util.List;

import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.config.Executables;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.PolitenessDelays;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.ocr.EmailImageReader;
import io.univinsight.crawler.ocr.Tesseract;
import io.univinsight.crawler.pagestate.PageStates;
import io.univinsight.crawler.render.HeadlessBrowser;
import io.univinsight.crawler.render.RenderHosts;
import io.univinsight.crawler.render.RenderSettings;
import io.univinsight.crawler.scope.UrlFilters;
import io.univinsight.extraction.ExtractionPipeline;

/** Builds the crawl stages (SSRF guard, fetcher, robots, politeness, URL filters, extraction chain) from configuration. */
public final class CrawlStages {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CrawlStages.class);
    private CrawlStages() {
    }

    public static SiteCrawl siteCrawl(CrawlerConfig config, HostResolver resolver) {
        return siteCrawl(config, resolver, PageStates.NONE);
    }

    /** The crawl stages remembering pages in pageStates (conditional GETs and cache hits). */
    public static SiteCrawl siteCrawl(CrawlerConfig config, HostResolver resolver, PageStates pageStates) {
        return siteCrawl(config, resolver, pageStates, PageRendering.NONE);
    }

    /** The crawl stages with a render stage for pages built by scripts. */
    public static SiteCrawl siteCrawl(CrawlerConfig config, HostResolver resolver, PageStates pageStates, PageRendering rendering) {
        return siteCrawl(config, resolver, pageStates, rendering, EmailImageReader.NONE);
    }

    /** The crawl stages with a render stage and OCR of email pictures. */
    public static SiteCrawl siteCrawl(CrawlerConfig config, HostResolver resolver, PageStates pageStates, PageRendering rendering,
                                      EmailImageReader ocr) {
        PageFetcher fetcher = fetcher(config, resolver);
        return new SiteCrawl(fetcher, robots(config, fetcher), new HostThrottle(config.politeness().maxConnectionsPerHost()),
                politeness(config), ExtractionPipeline.of(config.extraction().extractors(), config.extraction().params()),
                UrlFilters.of(config.scope().urlFilters(), config.scope().params()), pageStates, rendering, ocr);
    }

    /** OCR of email pictures as configured: tesseract from crawler.ocr.tesseract or the PATH, else none (said once). */
    public static EmailImageReader ocr(CrawlerConfig config, EmailImageReader.OcrMeter meter) {
        CrawlerConfig.Ocr o = config.ocr();
        if (!o.enabled()) {
            return EmailImageReader.NONE;
        }
        java.util.Optional<java.nio.file.Path> tesseract = Executables.find(o.tesseract(), List.of("tesseract"));
        if (tesseract.isEmpty()) {
            LOG.warnf("OCR of email pictures is off: no tesseract at %s (Debian: apt-get install tesseract-ocr)",
                    o.tesseract().orElse("tesseract on the PATH"));
            return EmailImageReader.NONE;
        }
        return new EmailImageReader(new Tesseract(tesseract.get(), o.timeout()), o.maxImageBytes(), meter);
    }

    /** The render stage as configured: a headless Chromium, or none when crawler.render.enabled is off. */
    public static PageRendering rendering(CrawlerConfig config, PageRendering.RenderMeter meter) {
        CrawlerConfig.Render r = config.render();
        if (!r.enabled()) {
            return PageRendering.NONE;
        }
        HeadlessBrowser browser = new HeadlessBrowser(new RenderSettings(r.chromium(), r.cdpEndpoint(), r.pageTimeout(), r.maxBytes(),
                r.memoryCapBytes(), config.userAgent(), r.quietPeriod()));
        return new PageRendering(browser, new RenderHosts(r.rememberedHosts()), meter);
    }

    static PolitenessDelays politeness(CrawlerConfig config) {
        CrawlerConfig.Politeness p = config.politeness();
        return new PolitenessDelays(p.delay(), p.ownServers().orElse(List.of()), p.ownServerDelay());
    }

    /** The SSRF-guarded fetcher with the configured limits. */
    public static PageFetcher fetcher(CrawlerConfig config, HostResolver resolver) {
        AddressPolicy addresses = new AddressPolicy(config.ssrf().allowedNetworks().orElse(List.of()));
        return new PageFetcher(config.fetch(), config.userAgent(), addresses, resolver);
    }

    /** robots.txt rules fetched through that fetcher, cached and size-limited as configured. */
    public static RobotsRules robots(CrawlerConfig config, PageFetcher fetcher) {
        return new RobotsRules(fetcher, config.userAgent(), config.robots().cacheTtl(), Clock.systemUTC(), config.robots().maxBytes());
    }
}
