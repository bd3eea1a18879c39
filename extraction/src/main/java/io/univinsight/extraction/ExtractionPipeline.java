package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Runs a chain of extractors over one page and merges their output. The order only matters for
 * tie-breaking: structured data first (the site's own statement), then layout heuristics.
 */
public final class ExtractionPipeline {
    private static final System.Logger LOG = System.getLogger(ExtractionPipeline.class.getName());
    private static final Map<String, Supplier<Extractor>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(JsonLdExtractor.NAME, JsonLdExtractor::new);
        REGISTRY.put(MicrodataExtractor.NAME, MicrodataExtractor::new);
        REGISTRY.put(ScriptDataExtractor.NAME, ScriptDataExtractor::new);
        REGISTRY.put(DirectoryExtractor.NAME, DirectoryExtractor::new);
        REGISTRY.put(ProfileExtractor.NAME, ProfileExtractor::new);
        REGISTRY.put(PublicationsExtractor.NAME, PublicationsExtractor::new);
    }

    private final List<Extractor> chain;

    private ExtractionPipeline(List<Extractor> chain) {
        this.chain = List.copyOf(chain);
    }

    /** Every extractor, structured data first. */
    public static ExtractionPipeline defaults() {
        return of(List.copyOf(REGISTRY.keySet()));
    }

    /**
     * A chain of the named extractors in the given order (duplicates ignored).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static ExtractionPipeline of(List<String> extractorNames) {
        Objects.requireNonNull(extractorNames, "extractorNames");
        Set<String> names = new LinkedHashSet<>();
        for (String raw : extractorNames) {
            String name = raw == null ? "" : raw.trim();
            if (!REGISTRY.containsKey(name)) {
                throw new IllegalArgumentException("Unknown extractor '" + raw + "'; known: " + REGISTRY.keySet());
            }
            names.add(name);
        }
        List<Extractor> chain = new ArrayList<>();
        for (String name : names) {
            chain.add(REGISTRY.get(name).get());
        }
        return new ExtractionPipeline(chain);
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
        try (Outline.Scope ignored = Outline.sharedFor(doc)) { // directory and publications both need the outline
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
