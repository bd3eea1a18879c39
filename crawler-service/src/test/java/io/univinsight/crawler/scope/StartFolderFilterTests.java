package io.univinsight.crawler.scope;

import static io.univinsight.crawler.scope.Links.SCOPE;
import static io.univinsight.crawler.scope.Links.link;
import static io.univinsight.crawler.scope.Links.profile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.univinsight.extraction.LinkKind;

class StartFolderFilterTests {
    private final StartFolderFilter filter = new StartFolderFilter();

    @Test
    void directoriesOnlyInsideTheStartFolder() {
        assertTrue(filter.accept(link("https://www.uni.example/cs/faculty/page-2.html", LinkKind.DIRECTORY), SCOPE));
        assertFalse(filter.accept(link("https://www.uni.example/math/faculty/", LinkKind.DIRECTORY), SCOPE));
    }

    @Test
    void profilesMayLiveAnywhereOnTheSite() {
        assertTrue(filter.accept(profile("https://www.uni.example/people/a.html"), SCOPE));
    }
}
