package io.univinsight.extraction.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.LinkClassifier;
import io.univinsight.extraction.PageContext;

/** Runs the real pipeline over labelled pages and scores it, real and written pages apart. */
public final class Evaluation {
    /** Pages have no URL of their own; a reserved host keeps relative links resolvable and comparable. */
    static final String BASE = "https://corpus.invalid/";

    private final ExtractionPipeline pipeline;
    private final LinkClassifier links = new LinkClassifier();

    public Evaluation(ExtractionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public EvaluationReport run(List<Path> dirs) {
        List<PageOutcome> outcomes = new ArrayList<>();
        for (Path dir : dirs) {
            for (LabelledPage page : CorpusReader.read(dir)) {
                outcomes.add(score(page));
            }
        }
        return new EvaluationReport(outcomes);
    }

    PageOutcome score(LabelledPage page) {
        String html;
        try {
            html = Files.readString(page.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page.file(), e);
        }
        String url = BASE + page.file().getFileName().toString();
        Document doc = Jsoup.parse(html, url);
        ExtractionResult result = pipeline.extract(doc, new PageContext(url, null, null));
        return PageScorer.score(page, result, doc.baseUri(), url, links.facultyDirectoryLinks(doc));
    }
}
