package io.univinsight.persistence.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per paper: by DOI where known, otherwise by normalised title and year. A sighting
 * without DOI joins the paper with the same title and year that has one (the smallest DOI when
 * several do), so a DOI learnt later upgrades the row instead of making a second one.
 */
public final class PaperMerger {
    private PaperMerger() {
    }

    public static List<MergedGroup<PaperRow>> merge(List<PaperRow> sightings, List<PaperRow> storedRows) {
        List<PaperRow> stored = new ArrayList<>(storedRows);
        stored.sort(Comparator.comparing(r -> r.id));
        List<PaperRow> items = new ArrayList<>(stored.size() + sightings.size());
        items.addAll(stored);
        items.addAll(sightings);
        Map<String, String> doiOfTitleYear = new HashMap<>();
        for (PaperRow item : items) {
            if (item.doi != null) {
                doiOfTitleYear.merge(item.titleYearKey(), item.doi, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<MergedGroup<PaperRow>> out = new ArrayList<>();
        for (List<Integer> group : Grouping.byAnySharedKey(items, p -> keys(p, doiOfTitleYear))) {
            PaperRow merged = null;
            PaperRow survivor = null;
            List<Long> folded = new ArrayList<>(0);
            List<Integer> members = new ArrayList<>(group.size());
            for (int i : group) {
                PaperRow item = items.get(i);
                merged = merged == null ? item : merged.mergedWith(item);
                if (i < stored.size()) {
                    if (survivor == null) {
                        survivor = item;
                    } else {
                        folded.add(item.id);
                    }
                } else {
                    members.add(i - stored.size());
                }
            }
            if (merged == items.get(group.get(0))) {
                merged = merged.mergedWith(merged);
            }
            merged.id = survivor == null ? null : survivor.id;
            out.add(new MergedGroup<>(merged, survivor, folded, members));
        }
        return out;
    }

    private static List<String> keys(PaperRow p, Map<String, String> doiOfTitleYear) {
        if (p.doi != null) {
            return List.of("d:" + p.doi);
        }
        String titleYear = p.titleYearKey();
        String doi = doiOfTitleYear.get(titleYear);
        return doi == null ? List.of("t:" + titleYear) : List.of("t:" + titleYear, "d:" + doi);
    }
}
