package io.univinsight.crawler.service;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import crawlercommons.robots.BaseRobotRules;
import io.univinsight.crawler.fetch.ConditionalRequest;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.PolitenessDelays;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.ocr.EmailImageReader;
import io.univinsight.crawler.ocr.TextEmailDomains;
import io.univinsight.crawler.pagestate.PageStates;
import io.univinsight.crawler.render.RenderFailure;
import io.univinsight.crawler.render.RenderedPage;
import io.univinsight.crawler.scope.CrawlScope;
import io.univinsight.crawler.scope.LinkCandidate;
import io.univinsight.crawler.scope.UrlFilters;
import io.univinsight.crawler.scope.UrlNormalizer;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.PageState;
import io.univinsight.events.RenderMode;
import io.univinsight.extraction.AbsoluteUrls;
import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.LinkClassifier;
import io.univinsight.extraction.LinkKind;
import io.univinsight.extraction.PageContext;
import io.univinsight.extraction.ExtractedPaper;
import io.univinsight.extraction.ExtractedProfessor;
import io.univinsight.identity.PaperIdentity;
import io.univinsight.identity.PersonIdentity;

/**
 * Crawls one task: the start page, then same-site links that lead to faculty directories,
 * profiles, publication lists and further directory pages, breadth first, up to maxDepth and
 * maxPages, each URL once, politely and within robots.txt. A failure of the start page fails
 * the task; a failure of a later page is counted and skipped.
 *
 * <p>Revisits: a page with a stored state is fetched with its validators; a 304 or an unchanged
 * body is a cache hit, whose stored links are followed (through the same URL filters, robots.txt,
 * politeness and SSRF guard as any link) and whose stored records count as found again. A new or
 * changed page is extracted and its new state remembered.
 */
public class SiteCrawl {
    /** The extractors entry of a task (and of a page) where an address was read off a picture. */
    static final String OCR = "ocr";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SiteCrawl.class);
    /** Parsed once: select("a[href]") parses its query string on every page. */
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private final PageFetcher fetcher;
    private final RobotsRules robots;
    private final HostThrottle throttle;
    private final PolitenessDelays politeness;
    private final ExtractionPipeline pipeline;
    private final UrlFilters urlFilters;
    private final PageStates pageStates;
    private final PageRendering rendering;
    private final EmailImageReader ocr;
    private final LinkClassifier links = new LinkClassifier();

    public SiteCrawl(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, Duration politenessDelay, ExtractionPipeline pipeline,
                     UrlFilters urlFilters) {
        this(fetcher, robots, throttle, PolitenessDelays.uniform(politenessDelay), pipeline, urlFilters);
    }

    public SiteCrawl(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, PolitenessDelays politeness, ExtractionPipeline pipeline,
                     UrlFilters urlFilters) {
        this(fetcher, robots, throttle, politeness, pipeline, urlFilters, PageStates.NONE);
    }

    public SiteCrawl(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, PolitenessDelays politeness, ExtractionPipeline pipeline,
                     UrlFilters urlFilters, PageStates pageStates) {
        this(fetcher, robots, throttle, politeness, pipeline, urlFilters, pageStates, PageRendering.NONE);
    }

    public SiteCrawl(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, PolitenessDelays politeness, ExtractionPipeline pipeline,
                     UrlFilters urlFilters, PageStates pageStates, PageRendering rendering) {
        this(fetcher, robots, throttle, politeness, pipeline, urlFilters, pageStates, rendering, EmailImageReader.NONE);
    }

    /** With OCR of email pictures: a professor shown with a picture of an address and no text one gets the address read. */
    public SiteCrawl(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, PolitenessDelays politeness, ExtractionPipeline pipeline,
                     UrlFilters urlFilters, PageStates pageStates, PageRendering rendering, EmailImageReader ocr) {
        this.rendering = rendering;
        this.ocr = ocr;
        this.fetcher = fetcher;
        this.robots = robots;
        this.throttle = throttle;
        this.politeness = politeness;
        this.pipeline = pipeline;
        this.urlFilters = urlFilters;
        this.pageStates = pageStates;
    }

    /** What one crawl found and how it went; departed as in {@link CrawlResult#departed()}. */
    public record Outcome(List<CrawlResult.Professor> professors, List<CrawlResult.Paper> papers, int pagesFetched,
                          int httpErrors, long fetchMs, long parseMs, long bytes, int startStatus, List<String> extractors,
                          int accuracyScore, boolean startCacheHit, int cacheHits, long bytesSaved,
                          List<CrawlResult.Professor> departed, String emptyReason, int pagesRendered, long renderMs) {
    }

    /** Why a task found no professor: some page looked built by a script (this crawler runs none), else none was there. */
    static String emptyReason(int professorsFound, int scriptBuiltPages) {
        return emptyReason(professorsFound, scriptBuiltPages, RenderMode.AUTO, new RenderTally());
    }

    /**
     * Why a task found no professor: the browser ran out of time; the pages were rendered and still
     * listed nobody; a page needed the browser and the task said never (or no browser could be had);
     * or nobody was there.
     */
    static String emptyReason(int professorsFound, int scriptBuiltPages, RenderMode mode, RenderTally renders) {
        if (professorsFound > 0) {
            return null;
        }
        if (renders.timeouts > 0) {
            return CrawlResult.EMPTY_RENDER_TIMEOUT;
        }
        if (renders.pages > 0) {
            return CrawlResult.EMPTY_NO_PEOPLE_RENDERED;
        }
        if (scriptBuiltPages > 0) {
            return mode == RenderMode.NEVER ? CrawlResult.EMPTY_RENDER_DISABLED : CrawlResult.EMPTY_RENDER_NEEDED;
        }
        return CrawlResult.EMPTY_NO_PEOPLE_FOUND;
    }

    /** The renders of one task: pages rendered, their time, and those that ran out of time or failed. */
    static final class RenderTally {
        int pages;
        long ms;
        int timeouts;
        int failures;
    }

    private record Target(String url, int depth) {
    }

    /** A link decided once per task: its normalised URL, or refused (url null); pagination costs no depth. */
    private record LinkDecision(String url, boolean nextPage) {
        static final LinkDecision REFUSED = new LinkDecision(null, false);
    }

    public Outcome crawl(CrawlTask task) throws FetchFailure, InterruptedException {
        fetcher.checkTarget(task.url()); // a file: or credentialed URL fails with its reason before anything else
        String start = UrlNormalizer.normalize(task.url());
        CrawlScope scope = CrawlScope.of(start);
        // Politeness is per server (host and port); every page of a task is on the start page's site.
        String host = CrawlScope.serverOf(URI.create(start));
        Deque<Target> frontier = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        frontier.add(new Target(start, 0));
        seen.add(start);
        Map<String, CrawlResult.Professor> professors = new LinkedHashMap<>();
        Map<String, CrawlResult.Paper> papers = new LinkedHashMap<>();
        Set<String> extractors = new java.util.TreeSet<>();
        long scoreSum = 0; // each page's accuracy score, weighted by its records
        long scoredRecords = 0;
        int pages = 0;
        int httpErrors = 0;
        int startStatus = 0;
        long fetchMs = 0;
        long parseMs = 0;
        long bytes = 0;
        int cacheHits = 0;
        long bytesSaved = 0;
        boolean startCacheHit = false;
        int scriptBuiltPages = 0;
        RenderTally renders = new RenderTally();
        RenderMode renderMode = task.renderMode();
        Departures departures = new Departures();
        Map<String, LinkDecision> decidedLinks = new HashMap<>();
        Map<String, EmailImageReader.Reading> pictureReads = new HashMap<>(); // a site shows one picture on several pages
        while (!frontier.isEmpty() && pages < task.maxPages()) {
            Target target = frontier.poll();
            boolean isStart = pages == 0 && target.url().equals(start);
            PageState previous = pageStates.find(target.url()).orElse(null);
            Map<String, String> conditional = ConditionalRequest.headersFor(previous);
            FetchedPage page;
            CacheVerdict verdict;
            String sha256;
            try {
                BaseRobotRules rules = throttle.call(host, politeness.delayFor(host), () -> robots.rulesFor(target.url()));
                if (!rules.isAllowed(target.url())) {
                    throw FetchFailure.permanent("robots", "robots.txt disallows " + target.url());
                }
                Duration delay = max(politeness.delayFor(host), RobotsRules.crawlDelay(rules));
                page = throttle.call(host, delay, () -> fetcher.fetchHtml(target.url(), conditional));
                sha256 = page.notModified() ? null : CacheVerdict.sha256(page.body());
                verdict = CacheVerdict.of(previous, page, sha256);
                if (verdict == CacheVerdict.UNUSABLE) {
                    throw FetchFailure.permanent("http-304", target.url() + " answered 304 to a request that had no validators");
                }
            } catch (FetchFailure f) {
                if (isStart) {
                    throw f;
                }
                LOG.debugf("task %s skips %s: %s", task.taskId(), target.url(), f.getMessage());
                httpErrors++;
                continue;
            }
            if (isStart) {
                startStatus = page.status();
                startCacheHit = verdict.isHit();
            }
            pages++;
            fetchMs += page.fetchMs();
            bytes += page.body().length;
            if (verdict.isHit()) {
                cacheHits++;
                if (PageKind.SCRIPT_BUILT.equals(previous.pageKind())) {
                    scriptBuiltPages++;
                }
                if (verdict == CacheVerdict.NOT_MODIFIED) {
                    bytesSaved += previous.bytes();
                } else if (validatorsChanged(previous, page)) {
                    pageStates.remember(withValidators(previous, page));
                }
                for (CrawlResult.Professor p : nonNull(previous.professors())) {
                    professors.merge(PersonIdentity.key(p.email(), p.name()), p, SiteCrawl::mergeProfessor);
                }
                for (CrawlResult.Paper p : nonNull(previous.papers())) {
                    papers.merge(PaperIdentity.key(p.doi(), p.title(), p.year()), p, SiteCrawl::mergePaper);
                }
                // Scored as when it was extracted: a recrawl of an unchanged site reports the same method and score.
                extractors.addAll(nonNull(previous.extractors()));
                int storedRecords = nonNull(previous.professors()).size() + nonNull(previous.papers()).size();
                scoreSum += (long) previous.accuracyScore() * storedRecords;
                scoredRecords += storedRecords;
                if (target.depth() < task.maxDepth()) {
                    enqueueStored(nonNull(previous.links()), scope, target.depth(), frontier, seen);
                }
                continue;
            }
            long parseStarted = System.nanoTime();
            long renderMsBefore = renders.ms;
            Document doc = parse(page);
            PageContext context = new PageContext(page.finalUrl(), task.universityName(), task.department());
            boolean renderFirst = rendering.first(renderMode, host);
            Document rendered = renderFirst ? render(page, renders) : null;
            ExtractionResult found = pipeline.extract(rendered != null ? rendered : doc, context);
            boolean scriptBuilt = false;
            if (rendered == null && found.professors().isEmpty() && ScriptBuiltPages.looksScriptBuilt(doc)) {
                scriptBuilt = true;
                // A page whose render just failed is not rendered twice.
                rendered = !renderFirst && rendering.after(renderMode) ? render(page, renders) : null;
                if (rendered != null) {
                    found = pipeline.extract(rendered, context);
                    if (!found.professors().isEmpty()) {
                        rendering.neededFor(host);
                    }
                }
            }
            if (rendered != null) {
                doc = rendered; // its links, kind and state are the rendered page's
            }
            parseMs += (System.nanoTime() - parseStarted) / 1_000_000 - (renders.ms - renderMsBefore);
            List<String> pageExtractors = new ArrayList<>(found.extractorsApplied());
            List<CrawlResult.Professor> pageProfessors = new ArrayList<>();
            Set<String> textDomains = null; // worked out for the first email picture of the page
            for (ExtractedProfessor p : found.professors()) {
                // The event carries the confidence; where it was seen stays in the debug log.
                LOG.debugf("task %s: %s (%.2f) by %s at %s on %s", task.taskId(), p.name(), p.confidence(), p.extractor(),
                        p.evidence(), page.finalUrl());
                CrawlResult.Professor professor = toEvent(p);
                if (p.emailImageUrl() != null && ocr.enabled()) {
                    if (textDomains == null) {
                        textDomains = TextEmailDomains.of(doc, found.professors().stream().map(ExtractedProfessor::email)
                                .filter(java.util.Objects::nonNull).toList());
                    }
                    professor = withPictureEmail(professor, readPicture(p.emailImageUrl(), page.finalUrl(), textDomains, pictureReads, task));
                    if (professor.emailForm() != null && !pageExtractors.contains(OCR)) {
                        pageExtractors.add(OCR);
                    }
                }
                pageProfessors.add(professor);
                professors.merge(PersonIdentity.key(professor.email(), professor.name()), professor, SiteCrawl::mergeProfessor);
            }
            extractors.addAll(pageExtractors);
            String pageOwner = pageProfessors.size() == 1 ? PersonIdentity.ref(pageProfessors.get(0).email(), pageProfessors.get(0).name()) : null;
            int records = found.professors().size() + found.papers().size();
            scoreSum += (long) found.accuracyScore() * records;
            scoredRecords += records;
            List<CrawlResult.Paper> pagePapers = new ArrayList<>();
            for (ExtractedPaper p : found.papers()) {
                CrawlResult.Paper paper = toEvent(p, pageOwner);
                pagePapers.add(paper);
                papers.merge(PaperIdentity.key(p.doi(), p.title(), p.year()), paper, SiteCrawl::mergePaper);
            }
            // The page's links are kept whatever its depth, so a later, deeper task can follow them from the cache.
            List<String> pageLinks = enqueueLinks(doc, scope, target.depth(), target.depth() < task.maxDepth(), frontier, seen, decidedLinks);
            String kind = rendered != null ? PageKind.of(found) : scriptBuilt ? PageKind.SCRIPT_BUILT : PageKind.of(found);
            if (PageKind.SCRIPT_BUILT.equals(kind)) {
                scriptBuiltPages++;
            }
            if (verdict == CacheVerdict.CHANGED) {
                departures.compare(previous, kind, !page.truncated(), pageProfessors);
            }
            // A rendered page's records come from data its scripts loaded: no validator of its HTML tells they are unchanged.
            // A script-built page left unrendered (render: never, or no browser) gave nothing to reuse: a later task that
            // may render it must get its body, not a 304.
            boolean keepValidators = rendered == null && !PageKind.SCRIPT_BUILT.equals(kind);
            pageStates.remember(new PageState(PageState.SCHEMA_VERSION, target.url(), keepValidators ? page.etag() : null,
                    keepValidators ? page.lastModified() : null, keepValidators ? sha256 : null,
                    page.body().length, java.time.Instant.now(), kind, pageLinks, pageProfessors, pagePapers,
                    List.copyOf(pageExtractors), found.accuracyScore()));
        }
        pageStates.flush(); // the states are on the topic before the result that counted them
        List<CrawlResult.Professor> all = new ArrayList<>(professors.values());
        return new Outcome(all, new ArrayList<>(papers.values()), pages, httpErrors,
                fetchMs, parseMs, bytes, startStatus, new ArrayList<>(extractors),
                scoredRecords == 0 ? 0 : (int) Math.round((double) scoreSum / scoredRecords),
                startCacheHit, cacheHits, bytesSaved, departures.departed(all), emptyReason(all.size(), scriptBuiltPages, renderMode, renders),
                renders.pages, renders.ms);
    }

    /** The page as the browser builds it, or null when it could not be rendered (the static page stands). */
    private Document render(FetchedPage page, RenderTally renders) throws InterruptedException {
        long started = System.nanoTime();
        try {
            RenderedPage rendered = rendering.renderer().render(page.finalUrl(), page.body(), page.contentType(), this::subresource);
            renders.pages++;
            renders.ms += rendered.renderMs();
            rendering.meter().rendered(rendered.renderMs(), "ok");
            LOG.debugf("rendered %s in %d ms (%d requests, %d refused, %d bytes)", page.finalUrl(), rendered.renderMs(),
                    rendered.requests(), rendered.refused(), rendered.bytes());
            return Jsoup.parse(rendered.html(), page.finalUrl());
        } catch (RenderFailure f) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            renders.ms += ms;
            if (f.isTimeout()) {
                renders.timeouts++;
            } else {
                renders.failures++;
            }
            rendering.meter().rendered(ms, f.isTimeout() ? "timeout" : "failed");
            LOG.infof("%s not rendered: %s", page.finalUrl(), f.getMessage());
            return null;
        }
    }

    /**
     * A request of a rendered page (script, data), fetched as the crawler fetches its own pages:
     * the SSRF guard, robots.txt and politeness of its server, the body size limit.
     */
    private FetchedPage subresource(String url) throws FetchFailure, InterruptedException {
        return subresource(url, Integer.MAX_VALUE);
    }

    /** {@link #subresource(String)} reading at most maxBytes of the body (and no more than any page may have). */
    private FetchedPage subresource(String url, int maxBytes) throws FetchFailure, InterruptedException {
        String server;
        try {
            server = CrawlScope.serverOf(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw FetchFailure.permanent("bad-url", url);
        }
        fetcher.checkTarget(url);
        BaseRobotRules rules = throttle.call(server, politeness.delayFor(server), () -> robots.rulesFor(url));
        if (!rules.isAllowed(url)) {
            throw FetchFailure.permanent("robots", "robots.txt disallows " + url);
        }
        Duration delay = max(politeness.delayFor(server), RobotsRules.crawlDelay(rules));
        return throttle.call(server, delay, () -> fetcher.fetch(url, maxBytes));
    }

    /** The picture's reading, once per task: the same picture on several pages (or records) is fetched and read once. */
    private EmailImageReader.Reading readPicture(String imageUrl, String pageUrl, Set<String> textDomains,
                                                 Map<String, EmailImageReader.Reading> reads, CrawlTask task) throws InterruptedException {
        EmailImageReader.Reading reading = reads.get(imageUrl);
        if (reading == null) {
            reading = ocr.read(imageUrl, pageUrl, textDomains, this::subresource);
            reads.put(imageUrl, reading);
            LOG.debugf("task %s: email picture %s %s (%s)", task.taskId(), imageUrl, reading.outcome(), reading.detail());
        }
        return reading;
    }

    /** The professor with the address read off the picture, marked as shown as an image; unchanged when none was accepted. */
    static CrawlResult.Professor withPictureEmail(CrawlResult.Professor p, EmailImageReader.Reading reading) {
        if (reading.email() == null || p.email() != null) {
            return p;
        }
        return new CrawlResult.Professor(p.name(), p.title(), reading.email(), p.department(), p.profileUrl(), p.confidence(),
                CrawlResult.Professor.EMAIL_FORM_IMAGE);
    }

    private static boolean validatorsChanged(PageState previous, FetchedPage page) {
        return !java.util.Objects.equals(previous.etag(), page.etag()) || !java.util.Objects.equals(previous.lastModified(), page.lastModified());
    }

    /** The same page (same body) with the validators the server gives it now. */
    private static PageState withValidators(PageState previous, FetchedPage page) {
        return new PageState(PageState.SCHEMA_VERSION, previous.url(), page.etag(), page.lastModified(), previous.contentSha256(),
                previous.bytes(), java.time.Instant.now(), previous.pageKind(), previous.links(), previous.professors(), previous.papers(),
                previous.extractors(), previous.accuracyScore());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * Queues the stored links of an unchanged page. Their anchor texts are the same as when they were
     * accepted (the page is), so the classifier's verdict then holds; every URL filter that depends
     * on the task (same site, start folder, length) decides again for this task's scope.
     */
    private void enqueueStored(List<String> stored, CrawlScope scope, int depth, Deque<Target> frontier, Set<String> seen) {
        for (String url : stored) {
            if (seen.contains(url)) {
                continue;
            }
            LinkCandidate link;
            try {
                URI uri = URI.create(url);
                if (uri.getHost() == null) {
                    continue;
                }
                LinkKind kind = links.classify("", url);
                link = new LinkCandidate(url, uri, "", kind == LinkKind.OTHER ? LinkKind.PROFILE : kind);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (urlFilters.refusal(link, scope) != null) {
                continue;
            }
            seen.add(url);
            frontier.add(new Target(url, link.kind() == LinkKind.NEXT_PAGE ? depth : depth + 1));
        }
    }

    /**
     * The page's links that the URL filter chain accepts (its PageState.links), queued when follow is
     * set, each URL once per task. Every page of a site repeats its menus and footer: a link (href
     * and anchor text) decided once is not normalised and classified again on later pages.
     */
    private List<String> enqueueLinks(Document doc, CrawlScope scope, int depth, boolean follow, Deque<Target> frontier, Set<String> seen,
                                      Map<String, LinkDecision> decided) {
        String base = doc.location();
        java.util.LinkedHashSet<String> accepted = new java.util.LinkedHashSet<>();
        for (Element a : doc.select(LINKS)) {
            String href = a.attr("href");
            String text = a.text();
            // Absolute and root-relative hrefs mean the same on every page; others depend on the page's folder.
            String key = (href.startsWith("/") || href.contains("://") ? href : base + " " + href) + "\n" + text;
            LinkDecision decision = decided.computeIfAbsent(key, k -> decide(a, text, scope));
            if (decision.url() == null || !accepted.add(decision.url())) {
                continue;
            }
            if (follow && seen.add(decision.url())) {
                // Further pages of a directory are the same listing: they do not cost depth.
                frontier.add(new Target(decision.url(), decision.nextPage() ? depth : depth + 1));
            }
        }
        return new ArrayList<>(accepted);
    }

    private LinkDecision decide(Element a, String text, CrawlScope scope) {
        String absolute = AbsoluteUrls.of(a, "href"); // a.absUrl("href"), without parsing the page's URL per link
        if (absolute.isEmpty()) {
            return LinkDecision.REFUSED;
        }
        LinkCandidate link;
        try {
            String url = UrlNormalizer.normalize(absolute);
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return LinkDecision.REFUSED;
            }
            link = new LinkCandidate(url, uri, text, links.classify(text, url));
        } catch (IllegalArgumentException e) {
            return LinkDecision.REFUSED;
        }
        if (urlFilters.refusal(link, scope) != null) {
            return LinkDecision.REFUSED;
        }
        return new LinkDecision(link.url(), link.kind() == LinkKind.NEXT_PAGE);
    }

    /** Decodes with the header's charset, else the page's meta charset, else UTF-8 (Jsoup's rules). */
    private static Document parse(FetchedPage page) {
        try {
            return Jsoup.parse(new java.io.ByteArrayInputStream(page.body()), charsetName(page), page.finalUrl());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the in-memory body of " + page.finalUrl(), e);
        }
    }

    private static String charsetName(FetchedPage page) {
        if (page.charset() == null) {
            return null; // Jsoup then reads <meta charset>, defaulting to UTF-8
        }
        try {
            return Charset.forName(page.charset()).name();
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8.name();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static CrawlResult.Professor toEvent(ExtractedProfessor p) {
        return new CrawlResult.Professor(p.name(), p.title(), p.email(), p.department(), p.profileUrl(), p.confidence());
    }

    private static CrawlResult.Paper toEvent(ExtractedPaper p, String owner) {
        return new CrawlResult.Paper(p.title(), p.authors(), p.year(), p.venue(), p.doi(), p.url(),
                owner == null ? List.of() : List.of(owner));
    }

    /** Two sightings of one professor: keep every field either has, the first one's where both do; the email's form goes with it. */
    static CrawlResult.Professor mergeProfessor(CrawlResult.Professor a, CrawlResult.Professor b) {
        boolean firstEmail = a.email() != null && !a.email().isBlank();
        return new CrawlResult.Professor(a.name(), or(a.title(), b.title()), firstEmail ? a.email() : b.email(),
                or(a.department(), b.department()), or(a.profileUrl(), b.profileUrl()), Math.max(a.confidence(), b.confidence()),
                firstEmail ? a.emailForm() : b.emailForm());
    }

    static CrawlResult.Paper mergePaper(CrawlResult.Paper a, CrawlResult.Paper b) {
        List<String> owners = new ArrayList<>(a.professorRefs());
        b.professorRefs().stream().filter(r -> !owners.contains(r)).forEach(owners::add);
        return new CrawlResult.Paper(a.title(), a.authors() == null || a.authors().isEmpty() ? b.authors() : a.authors(),
                a.year() != null ? a.year() : b.year(), or(a.venue(), b.venue()), or(a.doi(), b.doi()), or(a.url(), b.url()), owners);
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
