package io.univinsight.crawler.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every crawler knob, overridable by environment (CRAWLER_POLITENESS_DELAY, ...). */
@ConfigMapping(prefix = "crawler")
public interface CrawlerConfig {
    /** Worker id in events and heartbeats; defaults to host name and PID. */
    Optional<String> workerId();

    /** Tasks in flight per instance. */
    @WithDefault("32")
    int concurrency();

    @WithDefault("UnivInsightBot/0.1 (+https://github.com/univinsight/univinsight; crawler contact)")
    String userAgent();

    Politeness politeness();

    Fetch fetch();

    Retry retry();

    Robots robots();

    Ssrf ssrf();

    Extraction extraction();

    Scope scope();

    Cancellations cancellations();

    PageStateStorage pageState();

    Render render();

    Ocr ocr();

    /** How long in-flight tasks may take to finish on shutdown before they are handed back (redelivered). */
    @WithDefault("20s")
    Duration shutdownGrace();

    interface Politeness {
        /** Least time between two requests to one host (robots.txt Crawl-delay wins when larger). */
        @WithDefault("1s")
        Duration delay();

        /** Connections to one host at once. */
        @WithDefault("1")
        int maxConnectionsPerHost();

        /** Servers (host:port) that are our own, e.g. the local demo site: they get {@link #ownServerDelay()} instead. */
        Optional<List<String>> ownServers();

        /** The delay for {@link #ownServers()}; every other server keeps {@link #delay()}. */
        @WithDefault("200ms")
        Duration ownServerDelay();
    }

    interface Fetch {
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("5242880")
        int maxBodyBytes();

        @WithDefault("5")
        int maxRedirects();
    }

    interface Retry {
        /** Attempts in all, the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** Backoff before the second attempt; doubles after, with jitter. */
        @WithDefault("2s")
        Duration baseDelay();
    }

    interface Robots {
        @WithDefault("1h")
        Duration cacheTtl();

        /** robots.txt bytes read; the rest is ignored, as Google does past 500 KiB (RFC 9309 asks for at least 500 KiB). */
        @WithDefault("524288")
        int maxBytes();
    }

    interface Ssrf {
        /** CIDR blocks that may be fetched although private (e.g. 127.0.0.1/32 for the local demo). */
        Optional<List<String>> allowedNetworks();
    }

    interface Scope {
        /** The URL filter chain deciding which links a task follows, in order (see UrlFilters). */
        @WithDefault("http-only,same-site,academic-links,directory-in-start-folder,url-length")
        List<String> urlFilters();

        /** Parameters by filter name: crawler.scope.params.url-length.max-length=512. */
        Map<String, Map<String, String>> params();
    }

    interface Cancellations {
        /** Cancelled task ids remembered per instance; the oldest are forgotten first. */
        @WithDefault("100000")
        int capacity();
    }

    /** The local copy of the page-state topic (validators, body hash, last links and records per page). */
    interface PageStateStorage {
        /** Off: every visit is a plain GET and nothing is remembered. */
        @WithDefault("true")
        boolean enabled();

        /** RocksDB folder, one per running crawler; default: the temp folder and the worker id (a restart with the same id resumes). */
        Optional<String> dir();

        /** Block cache (index and filters included): the bulk of the store's memory. */
        @WithDefault("16777216")
        long cacheBytes();

        /** Each of the two write buffers. */
        @WithDefault("8388608")
        long writeBufferBytes();

        /** How long start-up waits for the topic to be read to its end before taking tasks. */
        @WithDefault("60s")
        Duration catchUpTimeout();
    }

    interface Extraction {
        /** The extractor chain, in order (names from the extraction library). */
        @WithDefault("json-ld,microdata,script-data,directory,profile,publications")
        List<String> extractors();

        /** Parameters by extractor name: crawler.extraction.params.script-data.max-script-chars=3000000. */
        Map<String, Map<String, String>> params();
    }

    /** The render stage: a headless Chromium for pages built by scripts (see render.HeadlessBrowser). */
    interface Render {
        /** Off: no page is rendered, whatever a task asks (its result says render-needed). */
        @WithDefault("true")
        boolean enabled();

        /** The Chromium to launch; default: chromium (or chromium-browser, google-chrome) on the PATH. */
        Optional<String> chromium();

        /** A browser running elsewhere to connect to over CDP (the k8s sidecar), e.g. http://127.0.0.1:9222. */
        Optional<String> cdpEndpoint();

        /** The whole render of one page; past it the page is a render-timeout. */
        @WithDefault("15s")
        Duration pageTimeout();

        /** What one rendered page may bring in over all its requests. */
        @WithDefault("10485760")
        long maxBytes();

        /** A launched browser holding more than this (all its processes) is replaced after the page. */
        @WithDefault("1073741824")
        long memoryCapBytes();

        /** After the load event, a page is taken once it has made no request for this long. */
        @WithDefault("200ms")
        Duration quietPeriod();

        /** Hosts remembered as needing the browser (render: auto sends their later pages straight to it). */
        @WithDefault("10000")
        int rememberedHosts();
    }

    /** Email addresses shown as pictures, read by Debian's tesseract (see ocr.EmailImageReader). */
    interface Ocr {
        /** Off: pictures of addresses are left unread. */
        @WithDefault("true")
        boolean enabled();

        /** The tesseract to run; default: tesseract on the PATH (none there: OCR is off, said once in the log). */
        Optional<String> tesseract();

        /** One run of tesseract; past it the process is killed and the picture counts as failed. */
        @WithDefault("5s")
        Duration timeout();

        /** Bytes of one picture; a larger one is not read. */
        @WithDefault("524288")
        int maxImageBytes();
    }
}
