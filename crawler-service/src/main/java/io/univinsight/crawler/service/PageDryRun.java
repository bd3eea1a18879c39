package io.univinsight.crawler.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.LinkClassifier;
import io.univinsight.extraction.PageContext;
import io.univinsight.extraction.PageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What one page would give, before a site is crawled: the records with each one's confidence,
 * extractor and evidence. A URL is fetched like a crawl fetches it (SSRF guard, robots.txt,
 * size and type limits); HTML can be given directly.
 */
@ApplicationScoped
public class PageDryRun {
    private final CrawlerConfig config;
    private final PageFetcher fetcher;
    private final RobotsRules robots;

    @Inject
    public PageDryRun(CrawlerConfig config) {
        this.config = config;
        this.fetcher = CrawlStages.fetcher(config, HostResolver.SYSTEM);
        this.robots = CrawlStages.robots(config, fetcher);
    }

    /** Fetches the URL (guarded, robots-checked) and extracts from it. */
    public Map<String, Object> fromUrl(String url, String university, String department, List<String> extractors) throws FetchFailure {
        if (!robots.rulesFor(url).isAllowed(url)) {
            throw FetchFailure.permanent("robots", "robots.txt disallows " + url);
        }
        FetchedPage page = fetcher.fetch(url);
        if (!page.isHtml()) {
            throw FetchFailure.permanent("not-html", url + " is " + page.contentType());
        }
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset(), page.finalUrl());
            return extract(doc, university, department, extractors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Extracts from HTML given by the caller; baseUrl resolves its relative links. */
    public Map<String, Object> fromHtml(String html, String baseUrl, String university, String department, List<String> extractors) {
        return extract(Jsoup.parse(html, baseUrl == null ? "" : baseUrl), university, department, extractors);
    }

    private Map<String, Object> extract(Document doc, String university, String department, List<String> extractors) {
        List<String> chain = extractors == null || extractors.isEmpty() ? config.extraction().extractors() : extractors;
        ExtractionResult result = ExtractionPipeline.of(chain, config.extraction().params()).extract(doc, new PageContext(doc.location(), university, department));
        return new PageReport(doc.location(), chain, result, new LinkClassifier().facultyDirectoryLinks(doc)).toMap();
    }
}
