package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds citation lists: list items and paragraphs that sit under a "Publications"/"논문" heading,
 * carry a citation-like class, or contain a DOI. Each one is parsed by {@link Citations}.
 */
public final class PublicationsExtractor implements Extractor {
    public static final String NAME = "publications";
    static final GuardedPattern PUB_HEADING = new GuardedPattern(
            "(?i)\\b(?:publications?|papers|bibliography|preprints|selected works|journal articles|conference papers"
                    + "|articles|books|book chapters|research output|publikationen|veröffentlichungen|schriften"
                    + "|publicaciones|pubblicazioni|articoli|travaux|productions? scientifiques?)\\b"
                    + "|논문|연구\\s*실적|연구\\s*성과|발표|저서|论文|論文|发表|發表|著作|成果|業績|业绩|研究業績|出版物",
            "pub", "paper", "bibliograph", "preprint", "selected", "article", "articol", "book", "output", "ffentlich",
            "schriften", "travaux", "production", "논문", "연구", "발표", "저서", "论文", "論文", "发表", "發表", "著作", "成果",
            "業績", "业绩", "出版物");
    // Singular item classes ("publication", "pub-item", "citation"); plural ones are list containers.
    private static final Pattern ITEM_CLASS = Pattern.compile(
            "(?i)^(?:pub|publication|citation|cite|bib|biblio|bibitem|bibtexitem|paper|reference|ref)(?:[-_]?(?:item|entry|row))?$");
    // Site-generator sources (Markdown with HTML inside) keep "## Publications" as text, not as an <h2>.
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^\\s*#{1,6}\\s+(.+)$");

    private static final int MAX_LINK_MENU_ITEM = 30;
    private static final Pattern YEAR_HEADING = Pattern.compile("^\\D{0,12}((?:19[5-9]|20[0-3])\\d)\\s*[–-]?\\s*$");
    private static final Set<String> CANDIDATE_TAGS = Set.of("li", "p", "div", "article", "dd", "td");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        PageIndex page = PageIndex.of(doc);
        Outline outline = page.outline();
        List<ExtractedPaper> papers = new ArrayList<>();
        Map<Element, Boolean> taken = new IdentityHashMap<>();
        PublicationMarks marks = new PublicationMarks(page);
        Map<String, Boolean> publicationHeadings = new HashMap<>(); // a page has few headings and many candidates
        Map<String, Optional<Integer>> yearHeadings = new HashMap<>();
        for (Element el : doc.body() == null ? List.<Element>of() : page.elementsUnder(doc.body())) {
            // Cheapest tests first: the tag, then (remembered per page) chrome, then the subtree checks.
            if (!CANDIDATE_TAGS.contains(el.normalName()) || page.inChrome(el) || !isCandidate(el, page)
                    || hasTakenAncestor(el, taken)) {
                continue;
            }
            if (!inPublicationContext(el, outline, marks, publicationHeadings) && !carriesDoi(el, page)) {
                continue;
            }
            ExtractedPaper paper = withEmbeddedBibTex(el, Citations.parse(el, page.text(el), NAME, headingYear(el, outline, yearHeadings)));
            if (paper != null) {
                papers.add(paper);
                taken.put(el, Boolean.TRUE);
            }
        }
        return ExtractionResult.from(NAME, List.of(), papers);
    }

    /**
     * Academic site themes put each paper's BibTeX beside its citation (a hidden {@code <pre>}): where an item
     * holds exactly one entry, its title, authors, year, venue and DOI are taken from it, the rest from the
     * citation as shown.
     */
    private static ExtractedPaper withEmbeddedBibTex(Element item, ExtractedPaper shown) {
        if (!PageIndex.textHasChar(item, '@')) {
            return shown; // BibTeX needs an "@": most items skip their whole text
        }
        String text = item.wholeText();
        if (!BibTex.mayHold(text)) {
            return shown;
        }
        List<BibTex.Entry> entries = BibTex.entries(text);
        if (entries.size() != 1) {
            return shown;
        }
        ExtractedPaper bib = BibTex.toPaper(entries.get(0), NAME, Evidence.of(item), shown == null ? null : shown.url());
        if (bib == null) {
            return shown;
        }
        if (shown == null) {
            return bib;
        }
        return new ExtractedPaper(bib.title(), bib.authors().isEmpty() ? shown.authors() : bib.authors(),
                bib.year() != null ? bib.year() : shown.year(), shown.venue() != null ? shown.venue() : bib.venue(),
                bib.doi() != null ? bib.doi() : shown.doi(), bib.url(), Math.max(bib.confidence(), shown.confidence()),
                NAME, bib.evidence());
    }

    /** The year a year-grouped list's nearest heading gives ("2021", "2019 –"), or null. */
    private static Integer headingYear(Element el, Outline outline, Map<String, Optional<Integer>> yearHeadings) {
        List<String> headings = outline.headingsFor(el);
        for (int i = headings.size() - 1; i >= 0; i--) {
            Optional<Integer> year = yearHeadings.computeIfAbsent(headings.get(i), h -> {
                Matcher m = YEAR_HEADING.matcher(h);
                return m.matches() ? Optional.of(Integer.valueOf(m.group(1))) : Optional.empty();
            });
            if (year.isPresent()) {
                return year.get();
            }
        }
        return null;
    }

    private static boolean isCandidate(Element el, PageIndex page) {
        String tag = el.normalName();
        if (tag.equals("li")) {
            return !hasListItemBelow(el, page); // nested lists: take the inner items
        }
        if (tag.equals("p")) {
            return true;
        }
        if (tag.equals("div") || tag.equals("article") || tag.equals("dd") || tag.equals("td")) {
            boolean leaf = PageIndex.selectFirst(el, Css.ROWS_OR_ITEMS) == null && page.textLengthWithin(el, 0, 1000);
            if (!leaf) {
                return false;
            }
            // A bare table cell holds a citation in table-laid-out lists (bibtex2html, personal pages);
            // the caller still demands a publication context or a DOI.
            boolean citationCell = tag.equals("td") && page.textLengthWithin(el, 40, Integer.MAX_VALUE);
            return ClassNames.anyMatch(el, c -> ITEM_CLASS.matcher(c).matches()) || citationCell || repeatedRecord(el, page);
        }
        return false;
    }

    /**
     * One of a run of like siblings (same tag and class, three or more): the record a theme repeats per paper
     * (Hugo/Wowchemy's item divs, academicpages' archive items), whatever the theme calls its classes.
     */
    private static boolean repeatedRecord(Element el, PageIndex page) {
        Element parent = el.parent();
        if (parent == null || el.className().isEmpty() || !page.textLengthWithin(el, 30, Integer.MAX_VALUE)) {
            return false;
        }
        String tag = el.normalName();
        String className = el.className();
        int alike = 0;
        for (int i = 0, n = parent.childNodeSize(); i < n; i++) { // parent.children() without copying the list
            if (parent.childNode(i) instanceof Element sibling && sibling.normalName().equals(tag)
                    && sibling.className().equals(className) && ++alike >= 3) {
                return true;
            }
        }
        return false;
    }

    /** A list item below with text of its own; the "Bib | PDF | Code" button lists inside a citation do not count. */
    private static boolean hasListItemBelow(Element el, PageIndex page) {
        for (int i = 0, n = el.childNodeSize(); i < n; i++) { // el.children() without copying the list
            if (el.childNode(i) instanceof Element child && ((child.normalName().equals("li")
                    && !page.textLengthWithin(child, 0, MAX_LINK_MENU_ITEM)) || hasListItemBelow(child, page))) {
                return true;
            }
        }
        return false;
    }

    private static boolean carriesDoi(Element el, PageIndex page) {
        // A DOI in the text needs a "/" (or a "%2F" decoded to one): most elements have neither, and skip their text.
        if ((page.textHas(el, '/') || page.textHas(el, '%')) && Citations.doi(page.text(el)) != null) {
            return true;
        }
        return PageIndex.select(el, Css.LINKS).stream().anyMatch(a -> a.attr("href").toLowerCase().contains("doi.org/10."));
    }

    private static boolean hasTakenAncestor(Element el, Map<Element, Boolean> taken) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (taken.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPublicationContext(Element el, Outline outline, PublicationMarks marks,
                                                Map<String, Boolean> publicationHeadings) {
        for (String heading : outline.headingsFor(el)) {
            if (publicationHeadings.computeIfAbsent(heading, h -> PUB_HEADING.find(h))) {
                return true;
            }
        }
        int depth = 0;
        for (Element e = el; e != null && depth < 4; e = e.parent(), depth++) {
            if (marks.marks(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per page: whether an element itself says "publications", by its class or id or a "# Publications" line written
     * before it. Each candidate asks it of itself and three ancestors, and siblings share those: answers are
     * remembered per element of the page.
     */
    private static final class PublicationMarks {
        private static final byte MARKS = 1;
        private static final byte NO_MARK = 2;
        private final PageIndex page;
        private final MarkdownHeadings markdownHeadings;
        private byte[] known;

        PublicationMarks(PageIndex page) {
            this.page = page;
            this.markdownHeadings = new MarkdownHeadings(page);
        }

        boolean marks(Element e) {
            int at = page.positions().indexOf(e);
            if (at < 0) {
                return workOut(e);
            }
            if (known == null) {
                known = new byte[page.positions().size()];
            }
            if (known[at] == 0) {
                known[at] = workOut(e) ? MARKS : NO_MARK;
            }
            return known[at] == MARKS;
        }

        private boolean workOut(Element e) {
            return namesPublications(e.className()) || namesPublications(e.id()) || underMarkdownHeading(e, markdownHeadings);
        }
    }

    private static final String[] PUB_CLASS_WORDS = {"pub", "citation", "bib", "paper", "reference"};

    /**
     * {@code s.matches("(?i).*(?:pub|citation|bib|paper|reference).*")} without the regex (this runs for four ancestors
     * of every candidate):
     * a class or id holding one of the words in any ASCII case, and no line break ({@code .} stops at one).
     */
    static boolean namesPublications(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return Text.containsAnyIgnoreAsciiCase(s, PUB_CLASS_WORDS);
    }

    private static final String NO_HEADING = new String("");

    /** The last "# Heading" line in the node's text, or {@link #NO_HEADING}; memoised per page by the caller. */
    private static String lastMarkdownHeading(Node n) {
        String text = n instanceof TextNode t ? t.getWholeText() : n instanceof Element x ? x.wholeText() : "";
        if (text.indexOf('#') < 0) {
            return NO_HEADING;
        }
        Matcher m = MARKDOWN_HEADING.matcher(text);
        String last = NO_HEADING;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** The nearest "# Heading" line written as text before this element names publications. */
    private static boolean underMarkdownHeading(Element e, MarkdownHeadings headings) {
        String heading = headings.before(e);
        return heading != NO_HEADING && PUB_HEADING.find(heading);
    }

    /** Per page: each node's own last "# Heading" line, and the one in force before it among its siblings. */
    private static final class MarkdownHeadings {
        private final Map<Node, String> own = new IdentityHashMap<>();
        private final Map<Node, String> before = new IdentityHashMap<>();
        private final PageIndex page;

        MarkdownHeadings(PageIndex page) {
            this.page = page;
        }

        /**
         * The last "# Heading" line among the siblings before start, up to a real heading element
         * ({@link #NO_HEADING} when there is none). Filled forward from the nearest sibling already
         * answered, so a list of 100,000 items costs one pass, not one walk back per item.
         */
        String before(Node start) {
            if (!page.pageTextHas('#')) {
                return NO_HEADING; // most pages: the walk below would find NO_HEADING for every node, one map entry each
            }
            java.util.ArrayDeque<Node> unknown = new java.util.ArrayDeque<>();
            String answer = NO_HEADING;
            for (Node n = start; n != null; n = n.previousSibling()) {
                String known = before.get(n);
                if (known != null) {
                    answer = known;
                    break;
                }
                unknown.push(n);
            }
            while (!unknown.isEmpty()) {
                Node n = unknown.pop();
                before.put(n, answer);
                // Only a node with a "#" in its text can hold a heading line: the page index knows which, from one pass.
                String last = page.textHas(n, '#') ? own.computeIfAbsent(n, PublicationsExtractor::lastMarkdownHeading) : NO_HEADING;
                if (last != NO_HEADING) {
                    answer = last;
                } else if (n instanceof Element x && Outline.headingLevel(x) > 0) {
                    answer = NO_HEADING; // a real heading ends the section a text heading opened
                }
            }
            return before.get(start);
        }
    }
}
