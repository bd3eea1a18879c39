package io.univinsight.monitor.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The universities a dashboard snapshot lists, and how many it leaves out. One bulk submission can
 * name any number of universities; listing them all would grow every /api/dashboard answer, SSE frame
 * and per-university Prometheus series with it. So only the {@value #LIMIT} with the most tasks are
 * listed, ties by name so the list does not reorder between frames. Most tasks rather than most recent
 * activity: the stores count tasks per university but keep no time per university.
 */
public record TopUniversities(List<Dashboard.University> shown, int notShown) {
    public static final int LIMIT = 100;

    static final Comparator<Dashboard.University> MOST_TASKS_FIRST = Comparator
            .comparingLong(Dashboard.University::tasks).reversed()
            .thenComparing(Dashboard.University::university);

    public static TopUniversities of(Collection<Dashboard.University> all) {
        List<Dashboard.University> shown = all.stream().sorted(MOST_TASKS_FIRST).limit(LIMIT).toList();
        return new TopUniversities(shown, all.size() - shown.size());
    }
}
