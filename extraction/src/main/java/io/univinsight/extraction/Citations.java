package io.univinsight.extraction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Parses one formatted citation (a list item or paragraph) into a {@link ExtractedPaper}.
 * Markup is trusted before punctuation: a quoted string, a link or a bold phrase is the title,
 * italics are the venue, and the authors are whatever precedes the title. Plain-text citations fall
 * back to the usual "Authors (Year). Title. Venue." and "Authors. Title. Venue, Year." shapes.
 */
final class Citations {
    static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\"<>]+");
    private static final Pattern DOI_TRAILING = Pattern.compile("[.,;:)\\]}>'\"”’]+$");
    private static final String DOI_TRAILING_CHARS = ".,;:)]}>'\"”’";
    private static final String YEAR_RX = "(?<![\\d.])(19[5-9]\\d|20[0-2]\\d|203[0-5])(?![\\d])";
    private static final Pattern YEAR = Pattern.compile(YEAR_RX);
    private static final Pattern PAREN_YEAR = Pattern.compile("\\(\\s*" + YEAR_RX + "[a-z]?\\s*\\)");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern DOI_LABEL = Pattern.compile("(?i)\\b(?:doi|DOI)\\s*:?\\s*(?=10\\.)");
    private static final Pattern GB_T_7714 = Pattern.compile(
            "^(.+?)[.．]\\s*(.+?)\\s*\\[(?:J|C|M|D|R|P|S|N|A|Z|EB/OL|J/OL|C/OL)][.．]?\\s*(.+)$");
    private static final Pattern AUTHORS_COLON = Pattern.compile("^([^:：]{3,300}?)[:：]\\s+(.+)$");
    private static final Pattern APA = Pattern.compile("^(.+?)\\s*" + PAREN_YEAR.pattern() + "\\.?\\s+(.+)$");
    private static final Pattern VENUE_LEAD = Pattern.compile("(?i)[\\s,.:;]*(?:\\bin\\s*:?)?[\\s,.:;]*$");
    private static final Pattern TRAILING_YEAR = Pattern.compile("(?:,?\\s*" + YEAR_RX + ")?[.\\s]*$");
    private static final Pattern LAST_FIRST_INITIALS = Pattern.compile("^\\p{Lu}[\\p{L}'’-]+,\\s*(?:\\p{Lu}\\.\\s?-?)+$");
    private static final Pattern LAST_INITIALS = Pattern.compile("^\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}{1,3}$");
    private static final Pattern VANCOUVER_LAST = Pattern.compile("^(\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}{1,3})\\.\\s+(.+)$");
    private static final Pattern ACM_YEAR = Pattern.compile("(?<=\\p{L}{2}\\.)\\s+" + YEAR_RX + "[a-z]?\\.\\s+");
    static final Pattern INITIALS = Pattern.compile("^(?:\\p{Lu}\\.?\\s?-?)+\\.?$");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\[\\d+]|\\d+[.)])\\s*");
    // Links next to a citation that name a file or resource, never the paper's title.
    private static final Pattern LINK_LABEL = Pattern.compile(
            "(?i)^\\W*(?:pdf|preprint|code|slides|video|project|arxiv|bibtex|bib|doi|abstract|html|poster|talk|data"
                    + "|github|supplement\\w*|author'?s? (?:copy|version)|full text|download)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\p{L}{2}[.?!])\\s+");

    // Patterns of the clean-up steps, compiled once (String.replaceAll/split/matches compile on every call).
    private static final Pattern TRAILING_DOI_TAIL = Pattern.compile("[\\s.,;:]+$");
    private static final Pattern TRAILING_DOI_LABEL = Pattern.compile("[\\s.,;:]*(?:DOI|doi)\\s*:?\\s*[.,;]?\\s*$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s.,:;”\"]+");
    private static final Pattern VOLUME_SPLIT = Pattern.compile(",\\s*(?=(?:vol|no|pp|\\d))");
    private static final Pattern AND_SEP = Pattern.compile("\\s*,?\\s+(?:and|&)\\s+");
    private static final Pattern ET_AL = Pattern.compile("(?i)\\bet\\s+al\\.?");
    private static final Pattern AUTHOR_AND = Pattern.compile("\\s*,?\\s*(?:\\band\\b|&|및)\\s+");
    private static final Pattern FOOTNOTE_MARKS = Pattern.compile("[*†‡§¹²³⁴⁵⁶⁷⁸⁹]+$");
    private static final String FOOTNOTE_MARK_CHARS = "*†‡§¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,:;–—-]+$");
    private static final String TRAILING_SEPARATOR_CHARS = CharRuns.SPACE + ",:;–—-";
    private static final Pattern FINAL_INITIAL = Pattern.compile("(?s).*(?:^|[\\s.,-])\\p{Lu}\\.$");
    private static final Pattern CAPITALISED = Pattern.compile("^\\p{Lu}.*");
    private static final String TITLE_HEAD_CHARS = CharRuns.SPACE + "\"“‘'「『"; // "^[\"“‘'「『\\s]+"
    private static final Pattern VENUE_HEAD = Pattern.compile("^(?i:in)\\s*:?\\s+");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    /** The separators of an author list besides ";", split around with the spaces beside them. */
    private static final String COMMA_LIKE_CHARS = ",，·、";
    private static final Pattern TITLE_TAIL = Pattern.compile("[\\s,.;:\"”’'」』]+$");
    private static final String TITLE_TAIL_CHARS = CharRuns.SPACE + ",.;:\"”’'」』";
    private static final Pattern VENUE_TAIL = Pattern.compile("[\\s,.;:]+$");
    private static final String VENUE_TAIL_CHARS = CharRuns.SPACE + ",.;:";

    private Citations() {
    }

    /** A bare DOI found in text or a (possibly percent-encoded) doi.org URL, or {@code null}. */
    static String doi(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        if (t.contains("%2F") || t.contains("%2f")) {
            try {
                t = URLDecoder.decode(t, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // keep as is
            }
        }
        if (t.indexOf("10.") < 0) {
            return null; // every DOI starts so: most texts skip the regex
        }
        Matcher m = DOI.matcher(t);
        if (!m.find()) {
            return null;
        }
        // DOIs are case-insensitive; lower case is the one spelling every source agrees on.
        return CharRuns.dropTrailing(m.group(), DOI_TRAILING_CHARS, DOI_TRAILING).toLowerCase(java.util.Locale.ROOT);
    }

    /** First plausible publication year (1950-2035) in the text, or {@code null}. */
    static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private record Title(String text, int start, String href, boolean fromMarkup) {
    }

    /** The citation in this element, or {@code null} when it does not look like one. */
    static ExtractedPaper parse(Element item, String extractor) {
        return parse(item, extractor, null);
    }

    /**
     * Like {@link #parse(Element, String)}, with the year of the list's group heading ("2021" above a
     * year-grouped list) for a citation that prints none.
     */
    static ExtractedPaper parse(Element item, String extractor, Integer headingYear) {
        return parse(item, item.text(), extractor, headingYear);
    }

    /** Like {@link #parse(Element, String, Integer)}, with the item's {@code text()} already at hand. */
    static ExtractedPaper parse(Element item, String itemText, String extractor, Integer headingYear) {
        String full = Text.clean(itemText);
        if (full.length() < 15) {
            return null;
        }
        String doi = null;
        for (Element a : PageIndex.select(item, Css.LINKS)) {
            if (!a.attr("href").toLowerCase().contains("doi") && !a.baseUri().toLowerCase().contains("doi")) {
                continue; // resolving cannot produce a doi.org link; skip the costly abs:href
            }
            String href = Layout.absHref(a);
            if (href.toLowerCase().contains("doi.org/")) {
                doi = doi(href);
                if (doi != null) {
                    break;
                }
            }
        }
        if (doi == null) {
            doi = doi(full);
        }
        // Work on text without DOIs and URLs so their digits are not mistaken for years or titles.
        // Each regex only runs when the text has what every match holds, the rarer or cheaper to find first: "10." before
        // "doi" in any ASCII case (as (?i) reads it), "://" (an exact search) before "www.".
        String noDoiLabel = full.contains("10.") && Text.containsIgnoreAsciiCase(full, "doi")
                ? DOI_LABEL.matcher(full).replaceAll("") : full;
        boolean mayHoldUrl = full.contains("://") || Text.containsIgnoreAsciiCase(full, "www.");
        // full is clean already, and cleaning clean text gives it back: only a removal needs another pass
        String plain = mayHoldUrl ? Text.clean(URL.matcher(noDoiLabel).replaceAll(""))
                : noDoiLabel == full ? full : Text.clean(noDoiLabel);
        if (doi != null) {
            plain = Text.clean(plain.replace(doi, ""));
        }
        if (endsWithDoiLabel(plain)) {
            plain = LeadingRuns.replaceAll(plain, TRAILING_DOI_LABEL, "", CharRuns.SPACE + ".,;:", "DOI", "doi");
        }
        plain = plain.trim();

        Title title = markedTitle(item, plain);
        String venue;
        List<String> authors;
        if (title != null) {
            venue = markedVenue(item, title.text());
            Element authorEl = PageIndex.selectFirst(item, Css.AUTHOR);
            String authorText = authorEl != null ? Text.clean(PageIndex.textOf(authorEl))
                    : title.start() > 0 ? plain.substring(0, title.start()) : "";
            authors = splitAuthors(stripYear(authorText));
            if (authors.isEmpty()) {
                authors = authorsAfterTitle(item, plain, title.text());
            }
        } else {
            Plain p = plainCitation(plain, markedVenue(item, ""));
            if (p == null) {
                return null;
            }
            title = new Title(p.title(), -1, null, false);
            venue = markedVenue(item, p.title());
            if (venue == null) {
                venue = p.venue();
            }
            authors = p.authors();
        }
        String cleanTitle = cleanTitle(title.text());
        if (cleanTitle.length() < 4 || cleanTitle.length() > 400) {
            return null;
        }
        Integer year = pickYear(plain.replace(title.text(), " "));
        if (year == null) {
            year = headingYear;
        }
        // A marked title with a marked venue ("<a>Title</a>", <em>Book</em>, ed. ...) is a citation without a
        // year too: chapters and forthcoming papers print none.
        boolean titledAndPlaced = title.fromMarkup() && venue != null;
        if (year == null && doi == null && !titledAndPlaced) {
            return null; // without a year or DOI a bold line is just as likely a heading or a talk
        }
        String url = title.href() != null ? title.href() : doi != null ? "https://doi.org/" + doi : null;
        double confidence = 0.55 + (doi != null ? 0.15 : 0) + (year != null ? 0.1 : 0) + (venue != null ? 0.1 : 0)
                + (!authors.isEmpty() ? 0.05 : 0) - (title.fromMarkup() ? 0 : 0.1);
        return new ExtractedPaper(cleanTitle, authors, year, venue, doi, url, Math.min(0.9, confidence), extractor,
                Evidence.of(item));
    }

    /**
     * Whether {@link #TRAILING_DOI_LABEL} may match: only "doi"/"DOI" followed by spaces and ".,;:" ends its match, so
     * the text must end so. (A text ending in another line break, where "$" also matches before it, is left to the regex.)
     */
    private static boolean endsWithDoiLabel(String text) {
        char last = text.isEmpty() ? 0 : text.charAt(text.length() - 1);
        if (last == '\u0085' || last == '\u2028' || last == '\u2029') {
            return true;
        }
        String rest = CharRuns.dropTrailing(text, CharRuns.SPACE + ".,;:", TRAILING_DOI_TAIL);
        return rest.endsWith("doi") || rest.endsWith("DOI");
    }

    /** "Title<br>A. Author, B. Author<br>Venue" or "Title. A. Author, B. Author. Venue.": names right after the title. */
    private static List<String> authorsAfterTitle(Element item, String plain, String title) {
        List<String> lines = PageIndex.linesOf(item);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).contains(title)) {
                List<String> names = splitAuthors(stripYear(lines.get(i + 1)));
                if (allAuthorNames(names)) {
                    return names;
                }
                break;
            }
        }
        int at = plain.indexOf(title);
        if (at < 0) {
            return List.of();
        }
        String after = LEADING_SEPARATORS.matcher(plain.substring(at + title.length())).replaceFirst("");
        List<String> names = splitAuthors(stripYear(SENTENCE_END.split(after, 2)[0]));
        return allAuthorNames(names) ? names : List.of();
    }

    /** Title from markup: an element classed as title, a quotation, a link, or bold text. */
    private static Title markedTitle(Element item, String plain) {
        // The innermost titled element: dblp marks the whole entry as the "headline" and the title inside it.
        Element classed = PageIndex.select(item, Css.TITLE).stream()
                .filter(e -> PageIndex.select(e, Css.TITLE).size() == 1 && e.closest("[itemprop=author]") == null)
                .findFirst().orElse(null);
        String classedText = classed == null ? "" : Text.clean(PageIndex.textOf(classed));
        if (classedText.length() >= 4) {
            String t = classedText;
            Element link = classed.is(Css.LINKS) ? classed : PageIndex.selectFirst(classed, Css.LINKS);
            return new Title(t, plain.indexOf(t), link != null && !isDoiLink(link) ? Layout.absHref(link) : null, true);
        }
        int[] quoted = QuotedTitles.first(plain);
        if (quoted != null) {
            String t = plain.substring(quoted[0], quoted[1]);
            return new Title(t, quoted[0] - 1, linkHrefFor(item, t), true);
        }
        // "Authors<br>Title<br><i>Venue</i>, Year": the line after the author line is the title.
        List<String> lines = PageIndex.linesOf(item);
        if (lines.size() >= 3 && looksLikeAuthorList(lines.get(0)) && lines.get(1).length() >= 8
                && !looksLikeAuthorList(lines.get(1)) && plain.contains(lines.get(1)) && YEAR.matcher(lines.get(1)).results().count() == 0) {
            String t = lines.get(1);
            return new Title(t, plain.indexOf(t), linkHrefFor(item, t), true);
        }
        for (Element a : PageIndex.select(item, Css.LINKS)) {
            String t = Text.clean(PageIndex.textOf(a));
            String href = a.attr("href").toLowerCase();
            if (t.length() >= 8 && t.split(" ").length >= 3 && !LINK_LABEL.matcher(t).find()
                    && !href.startsWith("mailto:") && !isDoiLink(a) && !URL.matcher(t).find()
                    && DOI.matcher(t).results().findAny().isEmpty() && PersonNames.extract(t) == null
                    && plain.contains(t)) {
                return new Title(t, plain.indexOf(t), Layout.absHref(a), true);
            }
        }
        for (Element b : PageIndex.select(item, Css.BOLD)) {
            String t = Text.clean(PageIndex.textOf(b));
            if (t.length() >= 8 && PersonNames.extract(t) == null && !looksLikeAuthorList(t) && plain.contains(t)) {
                return new Title(t, plain.indexOf(t), null, true);
            }
        }
        return null;
    }

    private static String linkHrefFor(Element item, String title) {
        for (Element a : PageIndex.select(item, Css.LINKS)) {
            if (!isDoiLink(a) && Text.clean(PageIndex.textOf(a)).contains(cleanTitle(title))) {
                return Layout.absHref(a);
            }
        }
        return null;
    }

    private static boolean isDoiLink(Element a) {
        return a.attr("href").toLowerCase().contains("doi.org/") || a.attr("href").toLowerCase().startsWith("doi:");
    }

    private static String markedVenue(Element item, String title) {
        Element classed = PageIndex.selectFirst(item, Css.VENUE);
        List<Element> options = new ArrayList<>();
        if (classed != null) {
            options.add(classed);
        }
        options.addAll(PageIndex.select(item, Css.ITALIC));
        String cleanedTitle = null; // worked out once, and only when asked for
        for (Element el : options) {
            String v = cleanVenue(PageIndex.textOf(el));
            boolean isTitle = false;
            if (!title.isEmpty()) {
                if (!title.contains(v) && cleanedTitle == null) {
                    cleanedTitle = cleanTitle(title);
                }
                isTitle = title.contains(v) || v.contains(cleanedTitle);
            }
            if (v.length() >= 3 && !v.equalsIgnoreCase("et al") && !isTitle) {
                return v;
            }
        }
        return null;
    }

    private record Plain(List<String> authors, String title, String venue) {
    }

    /** "Authors (2020). Title. Venue." or "Authors. Title. Venue, 2020." without any helpful markup. */
    private static Plain plainCitation(String text, String italicVenue) {
        // ACM style "Authors. 2022. Title. Venue.": the bare year sentence is not the title.
        String t = ACM_YEAR.matcher(withoutNumbering(text)).replaceFirst(" ");
        Matcher gbt = t.indexOf(']') > 0 ? GB_T_7714.matcher(t) : null; // the type marker "[J]" is required
        if (gbt != null && gbt.matches()) { // Chinese standard: "作者, 作者. 题名[J]. 刊名, 2021, 44(3): 1-9."
            List<String> authors = splitAuthors(gbt.group(1));
            if (allAuthorNames(authors)) {
                return withVenue(authors, new String[] {gbt.group(2), gbt.group(3)});
            }
        }
        // German style "K. Vogel, M. Brandt: <em>Title</em>. Venue 19(2), 2019.": italics right after the authors'
        // colon are the title. (A colon alone proves nothing: titles have them too, "NeRS: Neural ...".)
        Matcher colon = AUTHORS_COLON.matcher(t);
        if (italicVenue != null && colon.matches() && colon.group(2).startsWith(italicVenue)) {
            List<String> authors = splitAuthors(colon.group(1));
            if (allAuthorNames(authors)) {
                return withVenue(authors, new String[] {italicVenue, LEADING_SEPARATORS.matcher(
                        colon.group(2).substring(italicVenue.length())).replaceAll("")});
            }
        }
        Matcher apa = APA.matcher(t);
        if (apa.matches()) {
            List<String> authors = splitAuthors(stripYear(apa.group(1)));
            if (allAuthorNames(authors)) {
                return withVenue(authors, SENTENCE_END.split(apa.group(3), 2));
            }
        }
        String[] sentences = SENTENCE_END.split(t, 3);
        if (sentences.length >= 2) {
            List<String> authors = splitAuthors(stripYear(sentences[0]));
            if (allAuthorNames(authors)) {
                // With the venue marked up, the title is all between the authors and the venue, even when it
                // has a "!" or "(Report)." of its own.
                String rest = t.substring(sentences[0].length()).trim();
                int v = italicVenue == null ? -1 : rest.indexOf(italicVenue);
                if (v > 0) {
                    return new Plain(authors, VENUE_LEAD.matcher(rest.substring(0, v)).replaceAll(""), italicVenue);
                }
                return withVenue(authors, List.of(sentences).subList(1, sentences.length).toArray(String[]::new));
            }
        }
        if (italicVenue != null && t.indexOf(italicVenue) > 0) {
            return commaCitation(t.substring(0, t.indexOf(italicVenue)), italicVenue);
        }
        return null;
    }

    private static Plain withVenue(List<String> authors, String[] rest) {
        String venue = null;
        if (rest.length > 1) {
            String v = cleanVenue(VOLUME_SPLIT.split(TRAILING_YEAR.matcher(rest[1]).replaceAll(""), 2)[0]);
            venue = v.length() >= 3 ? v : null;
        }
        return new Plain(authors, rest[0], venue);
    }

    /** Every part reads as a person: "A. Smith", "Smith, A.", "Smith AB", "김민준". */
    private static boolean allAuthorNames(List<String> authors) {
        return !authors.isEmpty() && authors.stream().allMatch(a -> PersonNames.extract(a) != null
                || LAST_FIRST_INITIALS.matcher(a).matches() || LAST_INITIALS.matcher(a).matches());
    }

    /** "A. Author and B. Author, Title of the paper, <i>Venue</i> 7 (2021)": names lead, the rest is the title. */
    private static Plain commaCitation(String beforeVenue, String venue) {
        String prefix = VENUE_LEAD.matcher(beforeVenue).replaceAll("");
        String[] parts = COMMA.split(AND_SEP.matcher(prefix).replaceAll(", "));
        List<String> authors = new ArrayList<>();
        int i = 0;
        while (i < parts.length - 1 && (PersonNames.extract(parts[i]) != null || LAST_INITIALS.matcher(parts[i]).matches())) {
            authors.add(parts[i++]);
        }
        Matcher vancouver = VANCOUVER_LAST.matcher(parts[i]);
        if (!authors.isEmpty() && vancouver.matches()) {
            authors.add(vancouver.group(1)); // "Smith AB, Jones C. Title ..." - the last author ends at the initials
            parts[i] = vancouver.group(2);
        }
        if (authors.isEmpty()) {
            return null;
        }
        String title = String.join(", ", List.of(parts).subList(i, parts.length)).trim();
        return title.split(" ").length >= 2 ? new Plain(authors, title, venue) : null;
    }

    private static Integer pickYear(String text) {
        if (text.indexOf('(') >= 0) {
            Matcher paren = PAREN_YEAR.matcher(text);
            if (paren.find()) {
                return Integer.valueOf(paren.group(1));
            }
        }
        Integer last = null;
        for (int i = nextYear(text, 0); i >= 0; i = nextYear(text, i + 4)) {
            last = Integer.valueOf(text.substring(i, i + 4)); // "Venue, 2021." - the year usually closes the citation
        }
        return last;
    }

    /**
     * Start of the next {@link #YEAR} match at or after {@code from}, or -1: the same matches as
     * {@code YEAR.matcher(text).find(from)}, without trying the regex at every position.
     */
    private static int nextYear(String text, int from) {
        for (int i = Math.max(from, 0), n = text.length(); i + 4 <= n; i++) {
            char c0 = text.charAt(i);
            if (c0 != '1' && c0 != '2') {
                continue;
            }
            char c1 = text.charAt(i + 1);
            char c2 = text.charAt(i + 2);
            char c3 = text.charAt(i + 3);
            boolean year = c0 == '1' ? c1 == '9' && c2 >= '5' && c2 <= '9' && isDigit(c3)
                    : c1 == '0' && ((c2 >= '0' && c2 <= '2' && isDigit(c3)) || (c2 == '3' && c3 >= '0' && c3 <= '5'));
            if (year && (i == 0 || !(isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.'))
                    && (i + 4 == n || !isDigit(text.charAt(i + 4)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Author text never contains a year: drop "(2021)" as well as a bare "2021." (ACM style). */
    private static String stripYear(String s) {
        String t = s.indexOf('(') >= 0 ? PAREN_YEAR.matcher(s).replaceAll(" ") : s;
        int at = nextYear(t, 0);
        if (at < 0) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        int done = 0;
        for (; at >= 0; at = nextYear(t, at + 4)) { // YEAR.matcher(t).replaceAll(" ")
            sb.append(t, done, at).append(' ');
            done = at + 4;
        }
        return sb.append(t, done, t.length()).toString();
    }

    /** "A. Smith, B. Jones and C. Lee" / "Smith, A.; Jones, B." / "김민준, 이서연" into separate names. */
    static List<String> splitAuthors(String raw) {
        String s = withoutNumbering(Text.clean(raw));
        s = trimTrailing(Text.containsIgnoreAsciiCase(s, "et") ? ET_AL.matcher(s).replaceAll("") : s);
        if (s.isEmpty()) {
            return List.of();
        }
        s = LeadingRuns.replaceAll(s, AUTHOR_AND, s.contains(";") ? "; " : ", ", CharRuns.SPACE + ",", "and", "&", "및");
        String[] parts = CharRuns.splitAround(s, s.contains(";") ? ";" : COMMA_LIKE_CHARS);
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            String p = CharRuns.dropTrailing(part, FOOTNOTE_MARK_CHARS, FOOTNOTE_MARKS).trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && areInitials(p) && !areInitials(out.get(out.size() - 1))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + ", " + p); // "Smith, J." style
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * {@code INITIALS.matcher(s).matches()}: the regex only runs on text made of what it accepts (capital letters,
     * '.', '-' and spaces, a capital first), so a name ("Jane Smith") is turned down at its second letter.
     */
    static boolean areInitials(String s) {
        if (s.isEmpty() || Character.getType(s.codePointAt(0)) != Character.UPPERCASE_LETTER) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.getType(c) != Character.UPPERCASE_LETTER && c != '.' && c != '-' && CharRuns.SPACE.indexOf(c) < 0) {
                return false;
            }
            i += Character.charCount(c);
        }
        return INITIALS.matcher(s).matches();
    }

    /** Drops trailing separators, but keeps the period of a final initial ("Doe, R."). */
    private static String trimTrailing(String s) {
        String t = s.trim();
        while (true) {
            String next = CharRuns.dropTrailing(t, TRAILING_SEPARATOR_CHARS, TRAILING_SEPARATORS);
            if (next.endsWith(".") && !FINAL_INITIAL.matcher(next).matches()) {
                next = next.substring(0, next.length() - 1);
            }
            if (next.equals(t)) {
                return t;
            }
            t = next;
        }
    }

    private static boolean looksLikeAuthorList(String t) {
        List<String> parts = splitAuthors(t);
        return parts.size() > 1 && parts.stream().allMatch(p -> p.split(" ").length <= 4 && CAPITALISED.matcher(p).matches());
    }

    private static String cleanTitle(String t) {
        return CharRuns.dropTrailing(CharRuns.dropLeading(Text.clean(t), TITLE_HEAD_CHARS), TITLE_TAIL_CHARS, TITLE_TAIL);
    }

    private static String cleanVenue(String v) {
        String clean = Text.clean(v);
        // VENUE_HEAD is anchored at the start: only a venue starting "in" (any case) can lose anything.
        String rest = clean.regionMatches(true, 0, "in", 0, 2) ? VENUE_HEAD.matcher(clean).replaceAll("") : clean;
        return CharRuns.dropTrailing(rest, VENUE_TAIL_CHARS, VENUE_TAIL);
    }

    /**
     * {@code NUMBERING.matcher(s).replaceFirst("")}: the regex is anchored at the start and needs "[" or a digit
     * after the leading spaces, which most citations and author lists do not begin with.
     */
    private static String withoutNumbering(String s) {
        int i = 0;
        while (i < s.length() && CharRuns.SPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i == s.length() || (s.charAt(i) != '[' && (s.charAt(i) < '0' || s.charAt(i) > '9'))) {
            return s;
        }
        return NUMBERING.matcher(s).replaceFirst("");
    }
}
