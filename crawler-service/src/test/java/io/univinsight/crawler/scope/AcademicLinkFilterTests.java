package io.univinsight.crawler.scope;

import static io.univinsight.crawler.scope.Links.SCOPE;
import static io.univinsight.crawler.scope.Links.link;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.univinsight.extraction.LinkKind;

class AcademicLinkFilterTests {
    private final AcademicLinkFilter filter = new AcademicLinkFilter();

    @Test
    void followsEveryKindOfAcademicLinkAndNothingElse() {
        for (LinkKind kind : LinkKind.values()) {
            assertEquals(kind != LinkKind.OTHER, filter.accept(link("https://www.uni.example/x.html", kind), SCOPE), kind.name());
        }
    }
}
