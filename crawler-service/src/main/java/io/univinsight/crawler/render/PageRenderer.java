package io.univinsight.crawler.render;

/**
 * The render stage: loads a page in a headless browser and returns the DOM its scripts built.
 * The page's own HTML (already fetched by the crawler) is the document; everything else it asks
 * for goes through {@link Subresources}.
 */
public interface PageRenderer extends AutoCloseable {
    /** No browser: rendering is not available on this crawler. */
    PageRenderer NONE = new PageRenderer() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public RenderedPage render(String url, byte[] html, String contentType, Subresources subresources) throws RenderFailure {
            throw new RenderFailure("no browser on this crawler", false, null);
        }

        @Override
        public void close() {
        }
    };

    boolean available();

    RenderedPage render(String url, byte[] html, String contentType, Subresources subresources)
            throws RenderFailure, InterruptedException;

    @Override
    void close();
}
