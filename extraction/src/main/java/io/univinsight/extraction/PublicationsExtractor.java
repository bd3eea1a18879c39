package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds citation lists: list items and paragraphs that sit under a "Publications"/"논문" heading,
 * carry a citation-like class, or contain a DOI. Each one is parsed by {@link Citations}.
 */
public final class PublicationsExtractor implements Extractor {
    public static final String NAME = "publications";
    private static final Pattern PUB_HEADING = Pattern.compile(
            "(?i)\\b(?:publications?|papers|bibliography|preprints|selected works|journal articles|conference papers)\\b"
                    + "|논문|연구\\s*실적|연구\\s*성과|발표|저서");
    // Singular item classes ("publication", "pub-item", "citation"); plural ones are list containers.
    private static final Pattern ITEM_CLASS = Pattern.compile(
            "(?i)^(?:pub|publication|citation|cite|bib|biblio|bibitem|paper|reference|ref)(?:[-_]?(?:item|entry|row))?$");
    private static final Pattern ANY_PUB_CLASS = Pattern.compile("(?i).*(?:pub|citation|biblio|paper|reference).*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        Outline outline = Outline.of(doc);
        List<PaperRecord> papers = new ArrayList<>();
        Map<Element, Boolean> taken = new IdentityHashMap<>();
        for (Element el : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            if (!isCandidate(el) || hasTakenAncestor(el, taken) || Layout.inChrome(el)) {
                continue;
            }
            if (!inPublicationContext(el, outline) && Citations.doi(el.text()) == null) {
                continue;
            }
            PaperRecord paper = Citations.parse(el, NAME);
            if (paper != null) {
                papers.add(paper);
                taken.put(el, Boolean.TRUE);
            }
        }
        return ExtractionResult.from(NAME, List.of(), papers);
    }

    private static boolean isCandidate(Element el) {
        String tag = el.normalName();
        if (tag.equals("li")) {
            return el.select(Css.LIST_ITEMS).size() == 1; // select() includes el itself; nested lists: take the inner items
        }
        if (tag.equals("p")) {
            return true;
        }
        if (tag.equals("div") || tag.equals("article") || tag.equals("dd") || tag.equals("td")) {
            boolean itemClass = el.classNames().stream().anyMatch(c -> ITEM_CLASS.matcher(c).matches());
            return itemClass && el.select(Css.ROWS_OR_ITEMS).isEmpty() && el.text().length() <= 1000;
        }
        return false;
    }

    private static boolean hasTakenAncestor(Element el, Map<Element, Boolean> taken) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (taken.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPublicationContext(Element el, Outline outline) {
        for (String heading : outline.headingsFor(el)) {
            if (PUB_HEADING.matcher(heading).find()) {
                return true;
            }
        }
        int depth = 0;
        for (Element e = el; e != null && depth < 4; e = e.parent(), depth++) {
            if (ANY_PUB_CLASS.matcher(e.className()).matches() || ANY_PUB_CLASS.matcher(e.id()).matches()) {
                return true;
            }
        }
        return false;
    }
}
