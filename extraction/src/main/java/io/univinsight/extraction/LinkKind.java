package io.univinsight.extraction;

/** What a link probably leads to, so the crawler can prioritise the frontier. */
public enum LinkKind { PROFILE, PUBLICATIONS, DIRECTORY, NEXT_PAGE, OTHER }
