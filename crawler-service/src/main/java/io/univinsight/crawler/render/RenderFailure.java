package io.univinsight.crawler.render;

/** A page that could not be rendered; timeout tells a page that ran out of time from a broken browser. */
public class RenderFailure extends Exception {
    private final boolean timeout;

    public RenderFailure(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    public boolean isTimeout() {
        return timeout;
    }
}
