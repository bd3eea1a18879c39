package io.univinsight.crawler.pagestate;

import java.util.Optional;

import io.univinsight.events.PageState;

/** What the crawler remembers of each page between visits, by normalised URL. */
public interface PageStates {
    /** Remembers nothing: every visit is a first visit (tools and tests that need no recrawl). */
    PageStates NONE = new PageStates() {
        @Override
        public Optional<PageState> find(String url) {
            return Optional.empty();
        }

        @Override
        public void remember(PageState state) {
            // forgotten at once
        }
    };

    Optional<PageState> find(String url);

    /** Keeps the page's new state; it may become durable later (see {@link #flush()}). */
    void remember(PageState state);

    /** Makes every state remembered so far durable; a crawl calls it before its result is reported. */
    default void flush() {
    }
}
