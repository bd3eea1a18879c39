package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.univinsight.identity.RecordIdentity;

/** RecordMerger's grouping through maps gives the groups that comparing each record with every earlier key gives. */
class RecordGroupingTests {

    @Test
    void theSameGroupsAsComparingWithEveryKey() {
        Random random = new Random(10);
        for (int round = 0; round < 2000; round++) {
            List<RecordIdentity> keys = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                // few distinct values, so that strong and weak ids meet, clash and chain across groups
                String strong = random.nextInt(3) == 0 ? null : "s" + random.nextInt(4);
                String weak = random.nextInt(5) == 0 ? "" : "w" + random.nextInt(4);
                keys.add(new RecordIdentity(strong, weak));
            }
            assertEquals(byComparingEveryKey(keys, k -> k), RecordMerger.group(keys, k -> k), "keys " + keys);
        }
    }

    @Test
    void aRecordJoinsTheFirstGroupHoldingAMatch() {
        RecordIdentity doiA = new RecordIdentity("10.1/a", "title one");
        RecordIdentity doiB = new RecordIdentity("10.1/b", "title two");
        RecordIdentity titleTwoNoDoi = new RecordIdentity(null, "title two");
        RecordIdentity titleOneOtherDoi = new RecordIdentity("10.1/c", "title one"); // differing DOIs never match
        List<List<RecordIdentity>> groups = RecordMerger.group(List.of(doiA, doiB, titleTwoNoDoi, titleOneOtherDoi), k -> k);
        assertEquals(List.of(List.of(doiA), List.of(doiB, titleTwoNoDoi), List.of(titleOneOtherDoi)), groups);
    }

    /** The grouping as it was written first: each record against every key of every earlier group, in order. */
    private static <T> List<List<T>> byComparingEveryKey(List<T> records, Function<T, RecordIdentity> keyOf) {
        List<List<T>> groups = new ArrayList<>();
        List<List<RecordIdentity>> groupKeys = new ArrayList<>();
        for (T r : records) {
            RecordIdentity key = keyOf.apply(r);
            int home = -1;
            for (int g = 0; g < groups.size() && home < 0; g++) {
                for (RecordIdentity k : groupKeys.get(g)) {
                    if (k.matches(key)) {
                        home = g;
                        break;
                    }
                }
            }
            if (home < 0) {
                groups.add(new ArrayList<>());
                groupKeys.add(new ArrayList<>());
                home = groups.size() - 1;
            }
            groups.get(home).add(r);
            groupKeys.get(home).add(key);
        }
        return groups;
    }
}
