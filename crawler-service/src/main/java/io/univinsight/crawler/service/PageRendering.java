package io.univinsight.crawler.service;

import io.univinsight.crawler.render.PageRenderer;
import io.univinsight.crawler.render.RenderHosts;
import io.univinsight.events.RenderMode;

/**
 * When a page goes through the browser. ALWAYS: every page. AUTO: a page whose HTML gave no person
 * but looks built by a script, and from then on every page of its host (remembered once a render
 * found people there). NEVER: none. Pages that do not need a browser never touch it.
 */
public final class PageRendering {
    /** No browser: nothing is rendered and a page that needed it says render-needed. */
    public static final PageRendering NONE = new PageRendering(PageRenderer.NONE, new RenderHosts(1), RenderMeter.NONE);

    private final PageRenderer renderer;
    private final RenderHosts hosts;
    private final RenderMeter meter;

    public PageRendering(PageRenderer renderer, RenderHosts hosts, RenderMeter meter) {
        this.renderer = renderer;
        this.hosts = hosts;
        this.meter = meter;
    }

    /** Ends the browser (on shutdown). */
    public void close() {
        renderer.close();
    }

    PageRenderer renderer() {
        return renderer;
    }

    RenderMeter meter() {
        return meter;
    }

    /** Render before extracting at all: the task asks for it, or this host's pages needed it before. */
    boolean first(RenderMode mode, String host) {
        return renderer.available() && (mode == RenderMode.ALWAYS || mode == RenderMode.AUTO && hosts.needsRender(host));
    }

    /** Render after a static extraction that found nobody on a page that looks script-built. */
    boolean after(RenderMode mode) {
        return mode == RenderMode.AUTO && renderer.available();
    }

    /** A render of this host found people its HTML did not have: its next pages go straight to the browser. */
    void neededFor(String host) {
        hosts.remember(host);
    }

    /** Where render counts and times go (Prometheus in the service). */
    public interface RenderMeter {
        RenderMeter NONE = (ms, outcome) -> { };

        /** One page rendered (outcome ok) or not (timeout, failed), after ms. */
        void rendered(long ms, String outcome);
    }
}
