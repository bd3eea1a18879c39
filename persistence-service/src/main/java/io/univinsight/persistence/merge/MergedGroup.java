package io.univinsight.persistence.merge;

import java.util.List;

/**
 * One person or paper after merging a batch's sightings with the stored rows they match.
 *
 * @param merged     the row to store (its id is the survivor's, or null for a new row)
 * @param stored     the survivor as stored, or null when the row is new
 * @param foldedIds  other stored rows that turned out to be the same one: links move to the survivor, rows go
 * @param sightings  indexes of the batch's sightings in this group
 */
public record MergedGroup<R>(R merged, R stored, List<Long> foldedIds, List<Integer> sightings) {

    public boolean isNew() {
        return stored == null;
    }
}
