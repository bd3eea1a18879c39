package io.univinsight.crawler.pagestate;

import java.util.Optional;

import io.univinsight.events.PageState;

/**
 * Page states read from the local store and written both to it (so this crawler sees its own
 * writes at once) and to the page-state topic (so every crawler, and this one after a restart,
 * gets them back).
 */
public class PublishedPageStates implements PageStates {
    /** Sends a state to the topic; flush makes every send so far durable. */
    public interface Topic {
        /** The state's JSON, as the store keeps it: serialised once for both. */
        void send(String url, byte[] json);

        void flush();
    }

    private final PageStateStore store;
    private final Topic topic;

    public PublishedPageStates(PageStateStore store, Topic topic) {
        this.store = store;
        this.topic = topic;
    }

    @Override
    public Optional<PageState> find(String url) {
        return store.find(url);
    }

    @Override
    public void remember(PageState state) {
        topic.send(state.url(), store.put(state));
    }

    @Override
    public void flush() {
        topic.flush();
    }
}
