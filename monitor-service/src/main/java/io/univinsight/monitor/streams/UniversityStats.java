package io.univinsight.monitor.streams;

import io.univinsight.events.CrawlResult;

/** Per university: results received, professors and papers found (sums over distinct tasks). */
public record UniversityStats(long results, long professors, long papers) {
    public static UniversityStats empty() {
        return new UniversityStats(0, 0, 0);
    }

    public UniversityStats plus(CrawlResult r) {
        return new UniversityStats(results + 1, professors + size(r.professors()), papers + size(r.papers()));
    }

    public UniversityStats minus(CrawlResult r) {
        return new UniversityStats(results - 1, professors - size(r.professors()), papers - size(r.papers()));
    }

    private static int size(java.util.List<?> l) {
        return l == null ? 0 : l.size();
    }
}
