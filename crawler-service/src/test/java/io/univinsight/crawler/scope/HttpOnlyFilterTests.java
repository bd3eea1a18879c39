package io.univinsight.crawler.scope;

import static io.univinsight.crawler.scope.Links.SCOPE;
import static io.univinsight.crawler.scope.Links.profile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpOnlyFilterTests {
    private final HttpOnlyFilter filter = new HttpOnlyFilter();

    @Test
    void followsHttpAndHttpsOnly() {
        assertTrue(filter.accept(profile("https://www.uni.example/p/a.html"), SCOPE));
        assertTrue(filter.accept(profile("HTTP://www.uni.example/p/a.html"), SCOPE));
        assertFalse(filter.accept(profile("ftp://www.uni.example/p/a.html"), SCOPE));
        assertFalse(filter.accept(profile("mailto:a@uni.example"), SCOPE));
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertFalse(filter.accept(profile("https://user:pw@www.uni.example/p/a.html"), SCOPE));
    }
}
