package io.univinsight.extraction;

import org.jsoup.nodes.Document;

import io.univinsight.chain.ChainElement;

/**
 * One extraction strategy; its {@link #name()} is used in {@link ExtractionPipeline#of} and in
 * records' {@code extractor} field. Implementations are immutable and thread-safe.
 */
public interface Extractor extends ChainElement {
    ExtractionResult extract(Document doc, PageContext ctx);
}
