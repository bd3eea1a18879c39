/**
 * Configured chains of named, parameterised elements, after StormCrawler's URL and parse filter
 * chains: the crawler's URL filters and the extraction pipeline are each built from a
 * {@link io.univinsight.chain.ChainCatalog}. Knows nothing of what the elements do; depends on nothing.
 */
package io.univinsight.chain;
