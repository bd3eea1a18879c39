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

    private PageKind() {
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
