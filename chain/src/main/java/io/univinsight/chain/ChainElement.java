package io.univinsight.chain;

/** One element of a configured chain: a URL filter, an extractor. */
public interface ChainElement {
    /** The name the element is configured by; stable, since configurations and records carry it. */
    String name();
}
