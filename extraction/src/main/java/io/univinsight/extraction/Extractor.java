package io.univinsight.extraction;

import org.jsoup.nodes.Document;

/** One extraction strategy. Implementations are stateless and thread-safe. */
public interface Extractor {
    /** Stable identifier, used in {@link ExtractionPipeline#of} and in records' {@code extractor} field. */
    String name();

    ExtractionResult extract(Document doc, PageContext ctx);
}
