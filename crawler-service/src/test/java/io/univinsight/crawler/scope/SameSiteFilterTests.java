package io.univinsight.crawler.scope;

import static io.univinsight.crawler.scope.Links.SCOPE;
import static io.univinsight.crawler.scope.Links.profile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameSiteFilterTests {
    private final SameSiteFilter filter = new SameSiteFilter();

    @Test
    void staysOnTheStartPagesSchemeHostAndPort() {
        assertTrue(filter.accept(profile("https://www.uni.example/people/a.html"), SCOPE));
        assertTrue(filter.accept(profile("https://WWW.UNI.EXAMPLE:443/people/a.html"), SCOPE), "default port and case");
        assertFalse(filter.accept(profile("http://www.uni.example/people/a.html"), SCOPE), "another scheme is another site");
        assertFalse(filter.accept(profile("https://www.uni.example:8443/people/a.html"), SCOPE));
        assertFalse(filter.accept(profile("https://other.example/people/a.html"), SCOPE));
    }
}
