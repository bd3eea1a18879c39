package io.univinsight.monitor.streams;

/** Per university: results received, professors and papers found (sums over distinct tasks). */
public record UniversityStats(long results, long professors, long papers) {
    public static UniversityStats empty() {
        return new UniversityStats(0, 0, 0);
    }

    public UniversityStats plus(ResultSummary r) {
        return new UniversityStats(results + 1, professors + r.professors(), papers + r.papers());
    }

    public UniversityStats minus(ResultSummary r) {
        return new UniversityStats(results - 1, professors - r.professors(), papers - r.papers());
    }
}
