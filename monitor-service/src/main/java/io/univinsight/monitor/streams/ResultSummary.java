package io.univinsight.monitor.streams;

import io.univinsight.events.CrawlResult;

/**
 * What the view sums of one result: its counts, not its records. A result lists every professor and
 * paper of its task (hundreds of KB for a large department); keeping the whole event in the per-task
 * table would write it to that table's changelog and to each grouping's repartition topic again, so
 * the view keeps this instead, a few dozen bytes a task.
 */
public record ResultSummary(String universityName, int professors, int papers, int pagesFetched, int cacheHits,
                            long bytesSaved, int pagesRendered, long renderMs, String emptyReason) {

    public static ResultSummary of(CrawlResult r) {
        CrawlResult.Metrics m = r.metrics();
        int rendered = m == null ? 0 : Math.max(0, m.pagesRendered());
        return new ResultSummary(r.universityName(), size(r.professors()), size(r.papers()), Math.max(0, r.pagesFetched()),
                m == null ? 0 : Math.max(0, m.cacheHits()),
                m == null ? 0 : Math.max(0, m.bytesSaved()),
                rendered,
                rendered == 0 ? 0 : Math.max(0, m.jsRenderingMs()),
                r.emptyReason());
    }

    private static int size(java.util.List<?> l) {
        return l == null ? 0 : l.size();
    }
}
