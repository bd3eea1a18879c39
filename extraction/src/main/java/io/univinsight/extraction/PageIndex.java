package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;

/**
 * What several extractors ask about the same page, worked out once per page: its heading {@link Outline},
 * the text of its elements, which elements are page chrome. The pipeline shares one index among its
 * extractors (see {@link #sharedFor}); they read the page and never change it, so answers stay valid.
 * Only elements of the page itself are asked about here, never detached copies.
 */
final class PageIndex {
    /** The page being extracted on this thread (see {@link #sharedFor}). */
    private static final ThreadLocal<PageIndex> SHARED = new ThreadLocal<>();

    private final Document doc;
    private Outline outline;
    /** Every element in document order; an element's subtree is the run from its position to {@code end[position]}. */
    private List<Element> all;
    private ElementPositions position;
    private int[] end;
    private int[] parentAt;
    /** Per position, summed over the element's run: characters of its text nodes, and at least as many as text() keeps of them. */
    private int[] rawChars;
    private int[] keptChars;
    /** Answers remembered per position (null: not yet asked). */
    private String[] texts;
    private List<String>[] lines;
    private int[][] sameTagPlaces;
    /** Per position: 0 not yet known, else {@link #CHROME} or {@link #CONTENT}; chromeOffPage for detached elements. */
    private byte[] chrome;
    private static final byte CHROME = 1;
    private static final byte CONTENT = 2;
    private final Map<Element, Boolean> chromeOffPage = new IdentityHashMap<>();
    /** Characters {@link #textHas} knows about, and per position which of them the element's text holds (a bit each). */
    private static final String TRACKED = "#@/%";
    /** Up to this length a text node's counts come from one look at each character ({@link #shortNodeCounts}). */
    private static final int SHORT_NODE = 48;
    /** The range the tracked characters lie in: most characters are outside it, and skip the search of TRACKED. */
    private static final char TRACKED_FROM = (char) TRACKED.chars().min().orElseThrow();
    private static final char TRACKED_TO = (char) TRACKED.chars().max().orElseThrow();
    static {
        if (!TRACKED.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw new IllegalStateException("shortNodeCounts looks for tracked characters among printable ASCII only");
        }
    }
    /** Above this a text's builder starts at this size and grows: a page's whole text need not be reserved up front. */
    private static final int MAX_PRESIZED_CHARS = 1 << 16;
    private int[] charsBelow;
    /** Per tag name, the positions of the page's elements so named, ascending (worked out on the first whole-page tag query). */
    private Map<String, PositionList> byTag;
    private static final PositionList NONE = new PositionList();
    /** The department the page itself names ({@link Departments#guess}), once worked out; null inside when none. */
    private Optional<String> departmentNamed;

    private PageIndex(Document doc) {
        this.doc = doc;
    }

    /** Ends the sharing started by {@link #sharedFor}. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The index the pipeline shares for this page, or a fresh one when an extractor runs on its own. */
    static PageIndex of(Document doc) {
        PageIndex shared = SHARED.get();
        return shared != null && shared.doc == doc ? shared : new PageIndex(doc);
    }

    /** Lets every {@link #of} call for {@code doc} on this thread return one index until {@link Scope#close}. */
    static Scope sharedFor(Document doc) {
        PageIndex previous = SHARED.get();
        SHARED.set(new PageIndex(doc));
        return () -> {
            if (previous == null) {
                SHARED.remove();
            } else {
                SHARED.set(previous);
            }
        };
    }

    /** {@code guess.apply(doc)}, worked out once per page: every extractor asks for the page's department. */
    String departmentNamed(Function<Document, String> guess) {
        if (departmentNamed == null) {
            departmentNamed = Optional.ofNullable(guess.apply(doc));
        }
        return departmentNamed.orElse(null);
    }

    Outline outline() {
        if (outline == null) {
            outline = new Outline(positions());
        }
        return outline;
    }

    /** {@code el.getAllElements()}: the element and its descendants in document order. */
    List<Element> elementsUnder(Element el) {
        int at = positions().indexOf(el);
        return at < 0 ? el.getAllElements() : all.subList(at, end[at]);
    }

    /**
     * {@code root.getAllElements()}, from the shared page index when root belongs to the page being extracted: for a
     * caller that tests one element against several queries, one look-up instead of one {@link #select} per query.
     */
    static List<Element> subtree(Element root) {
        PageIndex page = SHARED.get();
        return page == null ? root.getAllElements() : page.elementsUnder(root);
    }

    /**
     * {@code root.select(query)} for the simple queries of {@link Css} (tags and attributes, no combinators), by a scan
     * of the root's run of the page's elements instead of a fresh walk of its subtree each time. The index shared for
     * the page being extracted is used when root belongs to it; otherwise jsoup selects.
     */
    static List<Element> select(Element root, Evaluator query) {
        PageIndex page = SHARED.get();
        int at = page == null ? -1 : page.positions().indexOf(root);
        if (at < 0) {
            return root.select(query);
        }
        List<Element> out = new ArrayList<>();
        for (int i = at, to = page.end[at]; i < to; i++) {
            Element el = page.all.get(i);
            if (query.matches(root, el)) {
                out.add(el);
            }
        }
        return out;
    }

    /**
     * {@code root.select(query.query())}, for the queries over the whole page: the page's elements of the query's tag
     * inside the root's run, found by a binary search, are the only ones tested.
     */
    static List<Element> select(Element root, Css.Tagged query) {
        PageIndex page = SHARED.get();
        int at = page == null ? -1 : page.positions().indexOf(root);
        if (at < 0) {
            return root.select(query.query());
        }
        PositionList named = page.positionsNamed(query.tag());
        List<Element> out = new ArrayList<>();
        int from = Arrays.binarySearch(named.at, 0, named.size, at);
        for (int i = from >= 0 ? from : -from - 1; i < named.size && named.at[i] < page.end[at]; i++) {
            Element el = page.all.get(named.at[i]);
            if (query.query().matches(root, el)) {
                out.add(el);
            }
        }
        return out;
    }

    /** Where the page's elements named {@code tag} stand, ascending; all tags are sorted out in one pass the first time. */
    private PositionList positionsNamed(String tag) {
        if (byTag == null) {
            byTag = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                byTag.computeIfAbsent(all.get(i).normalName(), t -> new PositionList()).add(i);
            }
        }
        return byTag.getOrDefault(tag, NONE);
    }

    /** {@code root.selectFirst(query)}, as {@link #select}. */
    static Element selectFirst(Element root, Evaluator query) {
        PageIndex page = SHARED.get();
        int at = page == null ? -1 : page.positions().indexOf(root);
        if (at < 0) {
            return root.selectFirst(query);
        }
        for (int i = at, to = page.end[at]; i < to; i++) {
            Element el = page.all.get(i);
            if (query.matches(root, el)) {
                return el;
            }
        }
        return null;
    }

    /**
     * {@code doc.getAllElements()} by a plain walk (jsoup's goes through a stream per call): down to the first child,
     * else on to the next sibling of the element or of its nearest ancestor that has one.
     */
    private static List<Element> inDocumentOrder(Document doc) {
        List<Element> out = new ArrayList<>();
        Element el = doc;
        while (el != null) {
            out.add(el);
            Element next = el.firstElementChild();
            while (next == null && el != doc) {
                next = el.nextElementSibling();
                el = el.parent();
            }
            el = next;
        }
        return out;
    }

    /** The page's elements by position, worked out on the first question about the page. */
    ElementPositions positions() {
        if (position == null) {
            all = inDocumentOrder(doc);
            position = new ElementPositions(all);
            end = new int[all.size()];
            parentAt = new int[all.size()];
            // In document order a subtree ends where the next element not below it starts.
            int[] open = new int[all.size()]; // positions of the elements whose subtree is still open, outermost first
            int depth = 0;
            for (int i = 0; i < all.size(); i++) {
                Element parent = all.get(i).parent();
                while (depth > 0 && all.get(open[depth - 1]) != parent) {
                    end[open[--depth]] = i;
                }
                parentAt[i] = depth > 0 ? open[depth - 1] : -1;
                open[depth++] = i;
            }
            while (depth > 0) {
                end[open[--depth]] = all.size();
            }
        }
        return position;
    }

    /**
     * {@code el.text()}, remembered for the elements of the page: directory blocks and citation candidates are the same
     * elements, asked several times. A detached element's text is worked out afresh.
     */
    String text(Element el) {
        int at = positions().indexOf(el);
        if (at < 0) {
            return VisibleText.of(el);
        }
        if (texts == null) {
            texts = new String[all.size()];
        }
        String text = texts[at];
        if (text == null) {
            text = VisibleText.of(el, Math.min(mostChars(at), MAX_PRESIZED_CHARS)); // room enough to build it in
            texts[at] = text;
        }
        return text;
    }

    /** {@code el.text()}, from the shared page index when el belongs to the page being extracted. */
    static String textOf(Element el) {
        PageIndex page = SHARED.get();
        return page != null ? page.text(el) : VisibleText.of(el);
    }

    /**
     * Whether {@code el.text().length()} lies within [min, max]. Decided without building the text where the page's
     * character counts settle it: text() keeps at least {@link #keptAtLeast} of each text node's characters, and adds
     * at most one space before and one after each element to what it keeps of them.
     */
    boolean textLengthWithin(Element el, int min, int max) {
        int at = positions().indexOf(el);
        if (at >= 0) {
            int most = mostChars(at); // (works out the counts)
            int kept = keptChars[end[at]] - keptChars[at];
            if (kept > max || most < min) {
                return false;
            }
            if (kept >= min && most <= max) {
                return true;
            }
        }
        int length = text(el).length();
        return length >= min && length <= max;
    }

    /**
     * The most characters text() can give the element at this position: its run's text-node characters, and a space
     * before and after each element of the run.
     */
    private int mostChars(int at) {
        counts();
        return rawChars[end[at]] - rawChars[at] + 2 * (end[at] - at);
    }

    /** {@link Text#lines(Element)} (unmodifiable), remembered for the elements of the page being extracted. */
    static List<String> linesOf(Element el) {
        PageIndex page = SHARED.get();
        int at = page == null ? -1 : page.positions().indexOf(el);
        if (at < 0) {
            return Text.lines(el);
        }
        List<String> known = page.lines == null ? null : page.lines[at];
        if (known == null) {
            known = page.linesRemembered(el, at);
        }
        return known;
    }

    /**
     * {@link #linesOf}, but only when they are known already (worked out for el or for a block around it), else
     * {@code null}: for a caller that has a cheaper way to a verdict than working them out.
     */
    static List<String> knownLinesOf(Element el) {
        PageIndex page = SHARED.get();
        if (page == null || page.lines == null) {
            return null;
        }
        int at = page.positions().indexOf(el);
        return at < 0 ? null : page.lines[at];
    }

    /**
     * Works out el's lines and remembers them, and with them those of every block element below it (a run of el's
     * lines): directory cards and the paragraphs inside them are asked about in turn, and each walk is then done once.
     */
    @SuppressWarnings("unchecked") // an array of lists: a generic array cannot be created otherwise
    private List<String> linesRemembered(Element el, int at) {
        if (lines == null) {
            lines = (List<String>[]) new List<?>[all.size()];
        }
        List<Element> blocks = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        List<String> known = List.copyOf(Text.lines(el, (block, from, to) -> {
            blocks.add(block);
            ranges.add(new int[] {from, to});
        }));
        lines[at] = known;
        for (int i = 0; i < blocks.size(); i++) {
            int blockAt = position.indexOf(blocks.get(i));
            if (blockAt >= 0 && lines[blockAt] == null) {
                lines[blockAt] = known.subList(ranges.get(i)[0], ranges.get(i)[1]);
            }
        }
        return known;
    }

    /**
     * Whether the node's text holds {@code c}, one of {@link #TRACKED}: {@code wholeText().indexOf(c) >= 0}, for an
     * element of the page from the character counts' pass instead of its whole text.
     */
    boolean textHas(Node node, char c) {
        int bit = TRACKED.indexOf(c);
        if (bit < 0) {
            throw new IllegalArgumentException("not tracked: " + c);
        }
        if (node instanceof TextNode t) {
            return t.getWholeText().indexOf(c) >= 0;
        }
        if (!(node instanceof Element el)) {
            return false; // comments and script data are no text
        }
        int at = positions().indexOf(el);
        if (at < 0) {
            return el.wholeText().indexOf(c) >= 0;
        }
        counts();
        return (charsBelow[at] & (1 << bit)) != 0;
    }

    /** Whether any text of the page holds {@code c}, one of {@link #TRACKED}: {@link #textHas} of the document. */
    boolean pageTextHas(char c) {
        return textHas(doc, c);
    }

    /** {@code textOf(el).length() > max}, told from the shared page's character counts where they settle it. */
    static boolean textLongerThan(Element el, int max) {
        PageIndex page = SHARED.get();
        return page != null ? !page.textLengthWithin(el, 0, max) : VisibleText.of(el).length() > max;
    }

    /** {@link #textHas} for the shared page when el belongs to it, else by its whole text. */
    static boolean textHasChar(Element el, char c) {
        PageIndex page = SHARED.get();
        return page != null ? page.textHas(el, c) : el.wholeText().indexOf(c) >= 0;
    }

    private void counts() {
        if (rawChars != null) {
            return;
        }
        int n = all.size();
        rawChars = new int[n + 1]; // prefix sums over positions: a run's count is a difference
        keptChars = new int[n + 1];
        charsBelow = new int[n];
        for (int i = 0; i < n; i++) {
            Element el = all.get(i);
            int raw = 0;
            int kept = 0;
            for (int k = 0, size = el.childNodeSize(); k < size; k++) {
                if (el.childNode(k) instanceof TextNode t) {
                    String s = t.getWholeText();
                    raw += s.length();
                    if (s.length() <= SHORT_NODE) {
                        long counted = shortNodeCounts(s);
                        kept += (int) counted;
                        charsBelow[i] |= (int) (counted >>> 32);
                        continue;
                    }
                    kept += keptAtLeast(s);
                    for (int bit = 0; bit < TRACKED.length(); bit++) {
                        if (s.indexOf(TRACKED.charAt(bit)) >= 0) { // vectorised, and the tracked characters are rare
                            charsBelow[i] |= 1 << bit;
                        }
                    }
                }
            }
            rawChars[i + 1] = rawChars[i] + raw;
            keptChars[i + 1] = keptChars[i] + kept;
        }
        for (int i = n - 1; i > 0; i--) { // descendants come after their ancestors: hand each one's characters up
            if (parentAt[i] >= 0) {
                charsBelow[parentAt[i]] |= charsBelow[i];
            }
        }
    }

    /**
     * For a text node up to {@link #SHORT_NODE} long, {@link #keptAtLeast} (the low 32 bits) and which {@link #TRACKED}
     * characters it holds (a bit each, above), in one look at each character. Most text nodes are that short (the line
     * breaks and indents between tags, a name, a label), and for them the look costs less than the searches of the
     * longer ones: those in {@link VisibleText#isPlain} and one per tracked character.
     */
    private static long shortNodeCounts(String s) {
        int n = s.length();
        boolean plain = true; // as VisibleText.isPlain reads it
        int printable = 0;
        int first = -1; // of the characters above ' ': a plain node keeps the run between them
        int last = -1;
        int tracked = 0;
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            if (c > ' ') {
                if (first < 0) {
                    first = j;
                }
                last = j;
            }
            if (c > ' ' && c <= '~') { // most characters: printable ASCII, where the tracked ones lie and nothing breaks plain
                printable++;
                if (c >= TRACKED_FROM && c <= TRACKED_TO) {
                    int bit = TRACKED.indexOf(c);
                    if (bit >= 0) {
                        tracked |= 1 << bit;
                    }
                }
            } else if (plain && VisibleText.breaksPlainAt(s, j)) {
                plain = false;
            }
        }
        int kept = !plain ? printable : first < 0 ? 0 : last - first + 1;
        return (long) tracked << 32 | kept;
    }

    /**
     * How many of the text node's characters text() keeps, at least. A plain node (single spaces, nothing to drop, as
     * {@link VisibleText} reads it: most of them) keeps all but what the final trim() may take at its ends; any other
     * keeps at least its printable ASCII characters. Plain is found by vectorised searches, not a look at every character.
     */
    private static int keptAtLeast(String s) {
        int n = s.length();
        if (VisibleText.isPlain(s)) {
            int from = 0;
            int to = n;
            while (from < to && s.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && s.charAt(to - 1) <= ' ') {
                to--;
            }
            return to - from;
        }
        int kept = 0;
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            if (c > ' ' && c <= '~') {
                kept++;
            }
        }
        return kept;
    }

    /** {@link SameTagPlaces} of el's parent, remembered for the page being extracted when el belongs to it. */
    static int[] sameTagPlace(Element el) {
        PageIndex page = SHARED.get();
        int at = page == null ? -1 : page.positions().indexOf(el);
        if (at < 0) {
            return SameTagPlaces.of(el.parent()).of(el);
        }
        if (page.sameTagPlaces == null) {
            page.sameTagPlaces = new int[page.all.size()][];
        }
        if (page.sameTagPlaces[at] == null) {
            SameTagPlaces.Places places = SameTagPlaces.of(el.parent());
            for (int i = 0; i < places.children().size(); i++) {
                page.sameTagPlaces[page.position.indexOf(places.children().get(i))] = places.places().get(i);
            }
        }
        return page.sameTagPlaces[at];
    }

    /** {@link Layout#inChrome(Element)}, remembered for the element and its ancestors. */
    boolean inChrome(Element el) {
        int at = positions().indexOf(el);
        if (at < 0) {
            return Layout.inChrome(el, chromeOffPage);
        }
        if (chrome == null) {
            chrome = new byte[all.size()];
        }
        // Up to the nearest element already known (or the top), then the answer for all of them on the way down.
        int known = at;
        byte answer = CONTENT;
        for (; known >= 0; known = parentAt[known]) {
            if (chrome[known] != 0) {
                answer = chrome[known];
                break;
            }
            if (Layout.isChrome(all.get(known))) {
                answer = CHROME;
                chrome[known] = CHROME;
                break;
            }
        }
        for (int i = at; i != known; i = parentAt[i]) {
            chrome[i] = answer;
        }
        return answer == CHROME;
    }

    /** A growing list of positions, without a boxed Integer each: {@code at[0, size)} holds them. */
    private static final class PositionList {
        int[] at = new int[8];
        int size;

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = position;
        }
    }
}
