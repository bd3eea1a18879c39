package io.univinsight.crawler.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;

import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;

/**
 * Headless Chromium driven by Playwright, one page at a time on a thread of its own (Playwright's
 * objects belong to the thread that made them). Each render gets a fresh browser context: no
 * cookies, storage, permissions, downloads or service workers carry over. Every request the page
 * makes is intercepted: the document is the HTML the crawler already fetched, scripts and data
 * (XHR, fetch) go through {@link Subresources}, everything else (images, fonts, styles, media,
 * websockets, non-GET) is refused. As a second wall the browser resolves no host name and has a
 * dead proxy, so a request that escaped interception would still reach nothing.
 *
 * <p>A render that does not come back within its time limit (plus a grace) means a hung browser:
 * its processes are killed and the next render starts a new one. After each render the launched
 * browser's memory is measured and over the cap it is replaced.
 */
public final class HeadlessBrowser implements PageRenderer {
    private static final Logger LOG = Logger.getLogger(HeadlessBrowser.class);
    /** What a page may ask for: its scripts and the data they load (a frame's document too). */
    private static final Set<String> FETCHED_TYPES = Set.of("document", "script", "xhr", "fetch");
    /** Time allowed beyond the page's limit before the browser is taken for hung. */
    private static final Duration HANG_GRACE = Duration.ofSeconds(5);
    /** Unpacking the driver and launching Chromium on a busy machine. */
    private static final Duration BROWSER_START_LIMIT = Duration.ofSeconds(60);

    private final RenderSettings settings;
    private final Optional<Path> chromium;
    private final AtomicInteger browsersStarted = new AtomicInteger();
    private final AtomicInteger browsersKilled = new AtomicInteger();
    private ExecutorService thread;
    /** Only touched on the render thread (or, once that thread is abandoned, by the kill). */
    private volatile Session session;

    public HeadlessBrowser(RenderSettings settings) {
        this.settings = settings;
        this.chromium = settings.cdpEndpoint().isPresent() ? Optional.empty() : ChromiumLocator.find(settings.chromium());
        this.thread = newThread();
        if (!available()) {
            LOG.warnf("no Chromium found (crawler.render.chromium, or chromium on the PATH): pages will not be rendered");
        }
    }

    @Override
    public boolean available() {
        return settings.cdpEndpoint().isPresent() || chromium.isPresent();
    }

    /** Browsers launched (or connected to) so far: more than one means one was replaced. */
    public int browsersStarted() {
        return browsersStarted.get();
    }

    /** Browsers killed because they hung. */
    public int browsersKilled() {
        return browsersKilled.get();
    }

    @Override
    public RenderedPage render(String url, byte[] html, String contentType, Subresources subresources)
            throws RenderFailure, InterruptedException {
        if (!available()) {
            throw new RenderFailure("no browser on this crawler", false, null);
        }
        Future<Session> starting;
        synchronized (this) {
            starting = thread.submit(this::session);
        }
        // Starting the driver and the browser is not the page's time: it has a limit of its own.
        await(starting, BROWSER_START_LIMIT, "starting the browser for " + url);
        Future<RenderedPage> result;
        synchronized (this) {
            result = thread.submit(() -> renderOnThread(url, html, contentType, subresources));
        }
        return await(result, settings.pageTimeout().plus(HANG_GRACE), url);
    }

    private <T> T await(Future<T> result, Duration limit, String what) throws RenderFailure, InterruptedException {
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            killHungBrowser(what);
            throw new RenderFailure("the browser hung on " + what + " and was killed", true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RenderFailure failure) {
                throw failure;
            }
            throw new RenderFailure(what + " failed: " + e.getCause(), false, e.getCause());
        }
    }

    private RenderedPage renderOnThread(String url, byte[] html, String contentType, Subresources subresources) throws RenderFailure {
        long started = System.nanoTime();
        Session s = session();
        AtomicLong bytes = new AtomicLong(html.length);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        BrowserContext context = s.browser.newContext(new Browser.NewContextOptions()
                .setUserAgent(settings.userAgent())
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setAcceptDownloads(false)
                .setJavaScriptEnabled(true));
        try {
            boolean[] documentServed = {false};
            AtomicLong lastRequestAt = new AtomicLong(System.nanoTime());
            context.route("**/*", route -> {
                requests.incrementAndGet();
                if (!documentServed[0] && route.request().isNavigationRequest() && route.request().frame().parentFrame() == null) {
                    documentServed[0] = true;
                    route.fulfill(new Route.FulfillOptions().setStatus(200)
                            .setContentType(contentType == null ? "text/html" : contentType).setBodyBytes(html));
                } else if (!serve(route, subresources, bytes)) {
                    refused.incrementAndGet();
                }
                lastRequestAt.set(System.nanoTime()); // answered: the quiet period runs from here
            });
            context.routeWebSocket("**", ws -> ws.close()); // never connected to a server
            Page page = context.newPage();
            long budgetMs = settings.pageTimeout().toMillis();
            try {
                page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(budgetMs));
            } catch (TimeoutError e) {
                throw new RenderFailure("render-timeout: " + url + " did not load within " + settings.pageTimeout(), true, e);
            }
            lastRequestAt.set(System.nanoTime());
            waitUntilQuiet(page, lastRequestAt, started + budgetMs * 1_000_000, url);
            String dom = page.content();
            return new RenderedPage(dom, (System.nanoTime() - started) / 1_000_000, bytes.get(), requests.get(), refused.get());
        } catch (PlaywrightException e) {
            closeSession(); // a browser that failed us is not trusted with the next page
            throw new RenderFailure("the browser failed on " + url + ": " + firstLine(e.getMessage()), false, e);
        } finally {
            try {
                context.close();
            } catch (PlaywrightException e) {
                LOG.debugf("closing the context of %s: %s", url, firstLine(e.getMessage()));
            }
            replaceIfTooBig();
        }
    }

    /**
     * Data loaded after the load event: the page is taken once it made no request for the quiet period,
     * or when its time is up. Every request passes through the route handler, which runs while this
     * thread waits in Playwright, so the last request's time is known here.
     */
    private void waitUntilQuiet(Page page, AtomicLong lastRequestAt, long deadlineNanos, String url) {
        long quietNanos = settings.quietPeriod().toNanos();
        while (true) {
            long now = System.nanoTime();
            long quietFor = now - lastRequestAt.get();
            if (quietFor >= quietNanos) {
                return;
            }
            if (now >= deadlineNanos) {
                LOG.debugf("%s kept loading past its render time; its DOM is taken as it is", url);
                return;
            }
            page.waitForTimeout(Math.max(1, Math.min(quietNanos - quietFor, deadlineNanos - now) / 1_000_000));
        }
    }

    /** Fetches one request of the page through the crawler, or aborts it; true when it was served. */
    private boolean serve(Route route, Subresources subresources, AtomicLong bytes) {
        String type = route.request().resourceType();
        if (!"GET".equals(route.request().method()) || !FETCHED_TYPES.contains(type)) {
            route.abort("blockedbyclient");
            return false;
        }
        String url = route.request().url();
        try {
            FetchedPage fetched = subresources.fetch(url);
            if (bytes.addAndGet(fetched.body().length) > settings.maxBytes()) {
                LOG.debugf("%s refused: the page is past its %d bytes", url, settings.maxBytes());
                route.abort("blockedbyclient");
                return false;
            }
            Route.FulfillOptions answer = new Route.FulfillOptions().setStatus(fetched.status()).setBodyBytes(fetched.body());
            if (fetched.contentType() != null) {
                answer.setContentType(fetched.contentType());
            }
            route.fulfill(answer);
            return true;
        } catch (FetchFailure f) {
            LOG.debugf("%s refused for a rendered page: %s", url, f.getMessage());
            if (f.httpStatus() >= 400) {
                route.fulfill(new Route.FulfillOptions().setStatus(f.httpStatus()).setBody(""));
            } else {
                route.abort("blockedbyclient");
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            route.abort("aborted");
            return false;
        }
    }

    private Session session() throws RenderFailure {
        if (session == null) {
            session = startSession();
        }
        return session;
    }

    private Session startSession() throws RenderFailure {
        String marker = "--univinsight-render=" + UUID.randomUUID();
        // Playwright would fetch its own browsers at start: we bring ours.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser;
            if (settings.cdpEndpoint().isPresent()) {
                browser = playwright.chromium().connectOverCDP(settings.cdpEndpoint().get());
            } else {
                browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium.orElseThrow())
                        .setHeadless(true)
                        .setArgs(List.of(marker, "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--disable-quic", "--disable-extensions",
                                // the second wall: no name resolves and any direct connection goes to a dead proxy
                                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                                "--proxy-bypass-list=<-loopback>")));
            }
            browsersStarted.incrementAndGet();
            return new Session(playwright, browser, new BrowserProcesses(marker));
        } catch (PlaywrightException e) {
            playwright.close();
            throw new RenderFailure("the browser could not start: " + firstLine(e.getMessage()), false, e);
        }
    }

    private void replaceIfTooBig() {
        Session s = session;
        if (s == null || settings.cdpEndpoint().isPresent()) {
            return;
        }
        long resident = s.processes.residentBytes();
        if (resident > settings.memoryCapBytes()) {
            LOG.infof("the browser holds %d MB, over its %d MB cap: replaced", resident >> 20, settings.memoryCapBytes() >> 20);
            closeSession();
        }
    }

    private void closeSession() {
        Session s = session;
        session = null;
        if (s != null) {
            try {
                s.playwright.close();
            } catch (PlaywrightException e) {
                s.processes.killAll();
            }
        }
    }

    /** The render thread is stuck in the browser: kill the browser so the thread comes back, and go on with a new thread. */
    private synchronized void killHungBrowser(String url) {
        Session s = session;
        session = null;
        int killed = s == null ? 0 : s.processes.killAll();
        browsersKilled.incrementAndGet();
        LOG.warnf("the browser hung rendering %s: %d browser processes killed; the next render starts a new browser", url, killed);
        thread.shutdownNow();
        thread = newThread();
        if (s != null) {
            // its driver may still wait on the dead browser: closed off this thread, never blocking a render
            Thread closer = new Thread(() -> {
                try {
                    s.playwright.close();
                } catch (RuntimeException e) {
                    LOG.debugf("closing the hung browser's driver: %s", e.getMessage());
                }
            }, "render-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    private static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public synchronized void close() {
        Future<?> closing = thread.submit(this::closeSession);
        try {
            closing.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Session s = session;
            if (s != null) {
                s.processes.killAll();
            }
        }
        thread.shutdownNow();
    }

    private record Session(Playwright playwright, Browser browser, BrowserProcesses processes) {
    }
}
