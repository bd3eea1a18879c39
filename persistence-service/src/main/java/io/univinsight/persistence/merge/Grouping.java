package io.univinsight.persistence.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Connected components of items that share any key (union-find): rows that are one person or one paper. */
final class Grouping {
    private Grouping() {
    }

    /** Groups of item indexes, in order of their first item. */
    static <T> List<List<Integer>> byAnySharedKey(List<T> items, Function<T, List<String>> keys) {
        int[] parent = new int[items.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            for (String key : keys.apply(items.get(i))) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < parent.length; i++) {
            groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>(2)).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
