package io.univinsight.crawler.render;

import java.time.Duration;
import java.util.Optional;

/**
 * How the render stage runs. chromium: the browser to launch (else the first of chromium,
 * chromium-browser, google-chrome on the PATH); cdpEndpoint: a browser already running elsewhere
 * (the k8s sidecar) to connect to instead of launching one. pageTimeout: the whole render of one
 * page; maxBytes: what one page may bring in; memoryCapBytes: the launched browser is replaced
 * once its processes hold more than this. quietPeriod: after the load event, the page is taken once
 * it has made no request for this long (data fetched by scripts after load is waited for).
 */
public record RenderSettings(Optional<String> chromium, Optional<String> cdpEndpoint, Duration pageTimeout, long maxBytes,
                             long memoryCapBytes, String userAgent, Duration quietPeriod) {
    /** Playwright's own network-idle wait is 500 ms; the crawler sees every request itself, so it can wait less. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(200);
}
