package io.univinsight.crawler.service;

import io.univinsight.extraction.DirectoryExtractor;
import io.univinsight.extraction.ExtractionResult;

/**
 * The kind of page an extraction saw, stored in PageState.pageKind: a directory is a page on which
 * the directory extractor found people (a listing); departures are only read from those.
 */
public final class PageKind {
    public static final String DIRECTORY = "directory";
    public static final String PROFILE = "profile";
    public static final String PUBLICATIONS = "publications";
    public static final String OTHER = "other";
    /** No records, and the page looks built by a script in the browser ({@link ScriptBuiltPages}). */
    public static final String SCRIPT_BUILT = "script-built";

    private PageKind() {
    }

    /** As {@link #of(ExtractionResult)}, telling a page without records that looks script-built apart. */
    public static String of(ExtractionResult found, org.jsoup.nodes.Document doc) {
        if (found.professors().isEmpty() && found.papers().isEmpty() && ScriptBuiltPages.looksScriptBuilt(doc)) {
            return SCRIPT_BUILT;
        }
        return of(found);
    }

    public static String of(ExtractionResult found) {
        if (found.extractorsApplied().contains(DirectoryExtractor.NAME) && found.professors().size() > 1) {
            return DIRECTORY;
        }
        if (found.professors().size() == 1) {
            return PROFILE;
        }
        return found.papers().isEmpty() ? OTHER : PUBLICATIONS;
    }
}
