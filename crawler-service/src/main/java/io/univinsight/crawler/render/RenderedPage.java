package io.univinsight.crawler.render;

/**
 * A page as the browser left it: its DOM serialised as HTML, how long rendering took, the bytes
 * its requests brought in, and how many requests were refused (guard, robots, type, limits).
 */
public record RenderedPage(String html, long renderMs, long bytes, int requests, int refused) {
}
