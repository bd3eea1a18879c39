package io.univinsight.persistence.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.univinsight.identity.PersonIdentity;

/**
 * One row per person per university: the same email, or the same normalised name at the same
 * university, is the same professor (and a sighting that matches two stored rows joins them).
 *
 * <p>An email is unique across universities, so a person seen at two universities is one row, and
 * {@link Position} decides where they are: a page of another university cannot move them there
 * unless the email belongs to that page's own site.
 */
public final class ProfessorMerger {
    private ProfessorMerger() {
    }

    /** Groups sightings with each other and with the stored rows they match. */
    public static List<MergedGroup<ProfessorRow>> merge(List<ProfessorRow> sightings, List<ProfessorRow> storedRows) {
        List<ProfessorRow> stored = new ArrayList<>(storedRows);
        stored.sort(Comparator.comparing(r -> r.id));
        List<ProfessorRow> items = new ArrayList<>(stored.size() + sightings.size());
        items.addAll(stored);
        items.addAll(sightings);
        List<MergedGroup<ProfessorRow>> out = new ArrayList<>();
        for (List<Integer> group : Grouping.byAnySharedKey(items, ProfessorMerger::keys)) {
            ProfessorRow merged = null;
            ProfessorRow survivor = null;
            List<Long> folded = new ArrayList<>(0);
            List<Integer> members = new ArrayList<>(group.size());
            for (int i : group) {
                ProfessorRow item = items.get(i);
                merged = merged == null ? item : merged.mergedWith(item);
                if (i < stored.size()) {
                    if (survivor == null) {
                        survivor = item; // lowest id: groups are in index order, stored rows sorted by id
                    } else {
                        folded.add(item.id);
                    }
                } else {
                    members.add(i - stored.size());
                }
            }
            if (merged == items.get(group.get(0))) {
                merged = merged.mergedWith(merged); // a copy, never the stored row itself
            }
            Position.settle(merged, group.stream().map(items::get).toList());
            merged.id = survivor == null ? null : survivor.id;
            out.add(new MergedGroup<>(merged, survivor, folded, members));
        }
        return out;
    }

    public static List<String> keys(ProfessorRow row) {
        String email = row.emailValue();
        String nameKey = "n:" + row.university + '\u0000' + row.normalizedName();
        return email == null ? List.of(nameKey) : List.of(PersonIdentity.emailKey(email), nameKey);
    }
}
