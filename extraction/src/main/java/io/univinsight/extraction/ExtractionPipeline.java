package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.chain.ChainCatalog;

/**
 * Runs a chain of extractors over one page and merges their output. The order only matters for
 * tie-breaking: structured data first (the site's own statement), then layout heuristics.
 */
public final class ExtractionPipeline {
    private static final System.Logger LOG = System.getLogger(ExtractionPipeline.class.getName());
    private static final ChainCatalog<Extractor> CATALOG = new ChainCatalog<Extractor>("extractor")
            .add(JsonLdExtractor.NAME, params -> new JsonLdExtractor())
            .add(MicrodataExtractor.NAME, params -> new MicrodataExtractor())
            .add(ScriptDataExtractor.NAME, ScriptDataExtractor.PARAMS, ScriptDataExtractor::new)
            .add(DirectoryExtractor.NAME, params -> new DirectoryExtractor())
            .add(ProfileExtractor.NAME, params -> new ProfileExtractor())
            .add(PublicationsExtractor.NAME, params -> new PublicationsExtractor());

    private final List<Extractor> chain;

    private ExtractionPipeline(List<Extractor> chain) {
        this.chain = chain;
    }

    /** Every extractor, structured data first, at its default parameters. */
    public static ExtractionPipeline defaults() {
        return of(CATALOG.names());
    }

    /**
     * A chain of the named extractors in the given order (duplicates ignored).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static ExtractionPipeline of(List<String> extractorNames) {
        return of(extractorNames, Map.of());
    }

    /**
     * A chain of the named extractors in the given order (duplicates ignored), each with its
     * parameters by extractor name (crawler.extraction.params.EXTRACTOR.PARAM).
     *
     * @throws IllegalArgumentException for an unknown name or parameter
     */
    public static ExtractionPipeline of(List<String> extractorNames, Map<String, Map<String, String>> params) {
        return new ExtractionPipeline(CATALOG.build(extractorNames, params));
    }

    /** Names of the extractors in this chain, in order. */
    public List<String> extractorNames() {
        return chain.stream().map(Extractor::name).toList();
    }

    public ExtractionResult extract(Document doc, PageContext ctx) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(ctx, "ctx");
        List<ExtractedProfessor> professors = new ArrayList<>();
        List<ExtractedPaper> papers = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        try (PageIndex.Scope ignored = PageIndex.sharedFor(doc)) { // the extractors share the page's outline and texts
            runChain(doc, ctx, professors, papers, applied);
        }
        return new ExtractionResult(RecordMerger.mergeProfessors(professors), RecordMerger.mergePapers(papers), applied);
    }

    private void runChain(Document doc, PageContext ctx, List<ExtractedProfessor> professors, List<ExtractedPaper> papers,
                          List<String> applied) {
        for (Extractor extractor : chain) {
            ExtractionResult r;
            try {
                r = extractor.extract(doc, ctx);
            } catch (RuntimeException e) {
                // One heuristic tripping over odd markup must not cost the page the others' results.
                LOG.log(System.Logger.Level.WARNING, "Extractor " + extractor.name() + " failed on " + ctx.url(), e);
                continue;
            }
            professors.addAll(r.professors());
            papers.addAll(r.papers());
            applied.addAll(r.extractorsApplied());
        }
    }

    /** Parses the HTML with {@code ctx.url()} as base URI, so relative links come out absolute. */
    public ExtractionResult extract(String html, PageContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Document doc = Jsoup.parse(html == null ? "" : html, ctx.url() == null ? "" : ctx.url());
        return extract(doc, ctx);
    }
}
