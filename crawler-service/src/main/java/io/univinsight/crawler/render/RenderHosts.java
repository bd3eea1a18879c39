package io.univinsight.crawler.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The hosts whose pages needed the browser: once one page of a host gave people only when
 * rendered, later pages of that host (in render: auto) go straight to the browser. Bounded:
 * the least recently used host is forgotten first.
 */
public final class RenderHosts {
    private final Set<String> hosts;

    public RenderHosts(int capacity) {
        this.hosts = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    public void remember(String host) {
        hosts.add(host);
    }

    public boolean needsRender(String host) {
        return hosts.contains(host);
    }
}
