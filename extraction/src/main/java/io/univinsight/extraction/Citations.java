package io.univinsight.extraction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Parses one formatted citation (a list item or paragraph) into a {@link PaperRecord}.
 * Markup is trusted before punctuation: a quoted string, a link or a bold phrase is the title,
 * italics are the venue, and the authors are whatever precedes the title. Plain-text citations fall
 * back to the usual "Authors (Year). Title. Venue." and "Authors. Title. Venue, Year." shapes.
 */
final class Citations {
    static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\"<>]+");
    private static final Pattern DOI_TRAILING = Pattern.compile("[.,;:)\\]}>'\"”’]+$");
    private static final String YEAR_RX = "(?<![\\d.])(19[5-9]\\d|20[0-2]\\d|203[0-5])(?![\\d])";
    private static final Pattern YEAR = Pattern.compile(YEAR_RX);
    private static final Pattern PAREN_YEAR = Pattern.compile("\\(\\s*" + YEAR_RX + "[a-z]?\\s*\\)");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern DOI_LABEL = Pattern.compile("(?i)\\b(?:doi|DOI)\\s*:?\\s*(?=10\\.)");
    private static final Pattern[] QUOTES = {
            Pattern.compile("“([^”]{4,400})”"),
            Pattern.compile("\"([^\"]{4,400})\""),
            Pattern.compile("「([^」]{2,400})」"),
            Pattern.compile("『([^』]{2,400})』"),
            Pattern.compile("(?:^|\\s)‘([^’]{8,400})’(?=[\\s,.]|$)"),
    };
    private static final Pattern INITIALS = Pattern.compile("^(?:\\p{Lu}\\.?\\s?-?)+\\.?$");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\[\\d+]|\\d+[.)])\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\p{L}{2}[.?!])\\s+");

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
        Matcher m = DOI.matcher(t);
        if (!m.find()) {
            return null;
        }
        return DOI_TRAILING.matcher(m.group()).replaceAll("");
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
    static PaperRecord parse(Element item, String extractor) {
        String full = Text.clean(item.text());
        if (full.length() < 15) {
            return null;
        }
        String doi = null;
        for (Element a : item.select("a[href]")) {
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
        String plain = Text.clean(URL.matcher(DOI_LABEL.matcher(full).replaceAll("")).replaceAll(""));
        if (doi != null) {
            plain = Text.clean(plain.replace(doi, ""));
        }
        plain = plain.replaceAll("[\\s.,;:]*(?:DOI|doi)\\s*:?\\s*[.,;]?\\s*$", "").trim();

        Title title = markedTitle(item, plain);
        String venue;
        List<String> authors;
        if (title != null) {
            venue = markedVenue(item, title.text());
            Element authorEl = item.selectFirst("[class*=author], [itemprop=author]");
            String authorText = authorEl != null ? Text.clean(authorEl.text())
                    : title.start() > 0 ? plain.substring(0, title.start()) : "";
            authors = splitAuthors(stripYear(authorText));
        } else {
            Plain p = plainCitation(plain);
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
        if (year == null && doi == null) {
            return null; // without a year or DOI a bold line is just as likely a heading or a talk
        }
        String url = title.href() != null ? title.href() : doi != null ? "https://doi.org/" + doi : null;
        double confidence = 0.55 + (doi != null ? 0.15 : 0) + (year != null ? 0.1 : 0) + (venue != null ? 0.1 : 0)
                + (!authors.isEmpty() ? 0.05 : 0) - (title.fromMarkup() ? 0 : 0.1);
        return new PaperRecord(cleanTitle, authors, year, venue, doi, url, Math.min(0.9, confidence), extractor,
                Evidence.of(item));
    }

    /** Title from markup: an element classed as title, a quotation, a link, or bold text. */
    private static Title markedTitle(Element item, String plain) {
        Element classed = item.selectFirst("[class*=title], [itemprop=headline], [itemprop=name]");
        if (classed != null && Text.clean(classed.text()).length() >= 4) {
            String t = Text.clean(classed.text());
            Element link = classed.is("a[href]") ? classed : classed.selectFirst("a[href]");
            return new Title(t, plain.indexOf(t), link != null && !isDoiLink(link) ? Layout.absHref(link) : null, true);
        }
        for (Pattern q : QUOTES) {
            Matcher m = q.matcher(plain);
            if (m.find()) {
                int open = m.start(1) - 1;
                return new Title(m.group(1), open, linkHrefFor(item, m.group(1)), true);
            }
        }
        for (Element a : item.select("a[href]")) {
            String t = Text.clean(a.text());
            String href = a.attr("href").toLowerCase();
            if (t.length() >= 8 && !href.startsWith("mailto:") && !isDoiLink(a) && !URL.matcher(t).find()
                    && DOI.matcher(t).results().findAny().isEmpty() && PersonNames.extract(t) == null
                    && plain.contains(t)) {
                return new Title(t, plain.indexOf(t), Layout.absHref(a), true);
            }
        }
        for (Element b : item.select("b, strong")) {
            String t = Text.clean(b.text());
            if (t.length() >= 8 && PersonNames.extract(t) == null && !looksLikeAuthorList(t) && plain.contains(t)) {
                return new Title(t, plain.indexOf(t), null, true);
            }
        }
        return null;
    }

    private static String linkHrefFor(Element item, String title) {
        for (Element a : item.select("a[href]")) {
            if (!isDoiLink(a) && Text.clean(a.text()).contains(cleanTitle(title))) {
                return Layout.absHref(a);
            }
        }
        return null;
    }

    private static boolean isDoiLink(Element a) {
        return a.attr("href").toLowerCase().contains("doi.org/") || a.attr("href").toLowerCase().startsWith("doi:");
    }

    private static String markedVenue(Element item, String title) {
        Element classed = item.selectFirst("[class*=venue], [class*=journal], [class*=booktitle], [itemprop=isPartOf]");
        List<Element> options = new ArrayList<>();
        if (classed != null) {
            options.add(classed);
        }
        options.addAll(item.select("em, i, cite"));
        for (Element el : options) {
            String v = cleanVenue(el.text());
            if (v.length() >= 3 && !v.equalsIgnoreCase("et al") && !title.contains(v) && !v.contains(cleanTitle(title))) {
                return v;
            }
        }
        return null;
    }

    private record Plain(List<String> authors, String title, String venue) {
    }

    /** "Authors (2020). Title. Venue." or "Authors. Title. Venue, 2020." without any helpful markup. */
    private static Plain plainCitation(String text) {
        String t = NUMBERING.matcher(text).replaceFirst("");
        Matcher apa = Pattern.compile("^(.+?)\\s*" + PAREN_YEAR.pattern() + "\\.?\\s+(.+)$").matcher(t);
        String authorPart;
        List<String> rest;
        if (apa.matches()) {
            authorPart = apa.group(1);
            rest = List.of(SENTENCE_END.split(apa.group(3), 2));
        } else {
            String[] sentences = SENTENCE_END.split(t, 3);
            if (sentences.length < 2) {
                return null;
            }
            authorPart = sentences[0];
            rest = List.of(sentences).subList(1, sentences.length);
        }
        List<String> authors = splitAuthors(stripYear(authorPart));
        if (authors.isEmpty() || authors.stream().anyMatch(a -> a.split(" ").length > 5 || !a.matches(".*\\p{Lu}.*|.*[가-힣].*"))) {
            return null;
        }
        String title = rest.get(0);
        String venue = null;
        if (rest.size() > 1) {
            String v = cleanVenue(rest.get(1).replaceAll("(?:,?\\s*" + YEAR_RX + ")?[.\\s]*$", "").split(",\\s*(?=(?:vol|no|pp|\\d))", 2)[0]);
            venue = v.length() >= 3 ? v : null;
        }
        return new Plain(authors, title, venue);
    }

    private static Integer pickYear(String text) {
        Matcher paren = PAREN_YEAR.matcher(text);
        if (paren.find()) {
            return Integer.valueOf(paren.group(1));
        }
        Matcher m = YEAR.matcher(text);
        Integer last = null;
        while (m.find()) {
            last = Integer.valueOf(m.group(1)); // "Venue, 2021." - the year usually closes the citation
        }
        return last;
    }

    private static String stripYear(String s) {
        return PAREN_YEAR.matcher(s).replaceAll(" ");
    }

    /** "A. Smith, B. Jones and C. Lee" / "Smith, A.; Jones, B." / "김민준, 이서연" into separate names. */
    static List<String> splitAuthors(String raw) {
        String s = NUMBERING.matcher(Text.clean(raw)).replaceFirst("");
        s = s.replaceAll("(?i)\\bet\\s+al\\.?", "").replaceAll("[\\s,.:;–—-]+$", "").trim();
        if (s.isEmpty()) {
            return List.of();
        }
        s = s.replaceAll("\\s*,?\\s*(?:\\band\\b|&|및)\\s+", s.contains(";") ? "; " : ", ");
        String[] parts = s.split(s.contains(";") ? "\\s*;\\s*" : "\\s*[,·、]\\s*");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            String p = part.replaceAll("[*†‡§¹²³⁴⁵⁶⁷⁸⁹]+$", "").trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && INITIALS.matcher(p).matches() && !INITIALS.matcher(out.get(out.size() - 1)).matches()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + ", " + p); // "Smith, J." style
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean looksLikeAuthorList(String t) {
        List<String> parts = splitAuthors(t);
        return parts.size() > 1 && parts.stream().allMatch(p -> p.split(" ").length <= 4 && p.matches("^\\p{Lu}.*"));
    }

    private static String cleanTitle(String t) {
        return Text.clean(t).replaceAll("^[\"“‘'「『\\s]+", "").replaceAll("[\\s,.;:\"”’'」』]+$", "");
    }

    private static String cleanVenue(String v) {
        return Text.clean(v).replaceAll("^(?i:in)\\s*:?\\s+", "").replaceAll("[\\s,.;:]+$", "");
    }
}
