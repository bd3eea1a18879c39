package io.univinsight.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TopUniversitiesTests {
    private static Dashboard.University university(String name, long tasks) {
        return new Dashboard.University(name, tasks, 0, 0, 0);
    }

    @Test
    void underTheLimitEveryUniversityIsShownMostTasksFirstTiesByName() {
        TopUniversities top = TopUniversities.of(List.of(university("C", 1), university("B", 5), university("A", 1)));
        assertEquals(List.of("B", "A", "C"), top.shown().stream().map(Dashboard.University::university).toList());
        assertEquals(0, top.notShown());
    }

    @Test
    void overTheLimitTheOnesWithFewestTasksAreOnlyCounted() {
        List<Dashboard.University> all = new ArrayList<>();
        for (int i = 0; i < TopUniversities.LIMIT + 7; i++) {
            all.add(university(String.format("U%04d", i), i)); // U0000 has the fewest tasks
        }
        TopUniversities top = TopUniversities.of(all);
        assertEquals(TopUniversities.LIMIT, top.shown().size());
        assertEquals(7, top.notShown());
        assertEquals(String.format("U%04d", TopUniversities.LIMIT + 6), top.shown().get(0).university());
        assertEquals("U0007", top.shown().get(TopUniversities.LIMIT - 1).university());
    }
}
