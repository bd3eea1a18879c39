/**
 * Identity: the one place that decides who is the same professor and which is the same paper.
 * Extraction merges a page's records with it, the crawler a site's, persistence keys its rows
 * with it ({@code professors.normalized_name} holds {@link io.univinsight.identity.NameKeys#personKey}
 * values, so changing a key needs a migration that recomputes them). Pure functions of strings:
 * this module depends on nothing and may not learn about pages, events or tables.
 */
package io.univinsight.identity;
