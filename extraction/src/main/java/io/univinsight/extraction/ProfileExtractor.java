package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import io.univinsight.identity.NameKeys;

/**
 * A single person's page: the name is the page heading (h1, else h2), the title line sits right
 * below it, and the email is the nearest one outside navigation and footer. A page with several
 * name headings is a listing, not a profile, and is left to {@link DirectoryExtractor}.
 */
public final class ProfileExtractor implements Extractor {
    public static final String NAME = "profile";
    private static final int MAX_FOLLOWING = 8;
    private static final int MAX_TITLE_WORDS = 7;
    private static final int MAX_BIO_LINES = 12;
    private static final int EMAIL_IMAGE_LEVELS = 3;
    private static final List<Css.Tagged> HEADING_LEVELS = List.of(Css.Tagged.parse("h1"), Css.Tagged.parse("h2"), Css.Tagged.parse("h3"));
    private static final Css.Tagged CANONICAL = Css.Tagged.parse("link[rel=canonical][href]");
    private static final Evaluator CHROME_TAGS = QueryParser.parse("nav, footer, [role=navigation], [role=contentinfo]");
    private static final Evaluator CLASSED = QueryParser.parse("[class], [id]");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|–—-]\\s+|\\s*[|·:]\\s*");
    private static final Pattern BIO_RANK = Pattern.compile(
            "(?i)\\b(?:i am|i'm|(?:he|she|they) (?:is|are)|is|am|currently|serves as|works as)\\s+(?:currently\\s+)?(?:an?|the)\\s+"
                    + "((?:[\\p{L}-]+\\s+){0,3}?(?:professor|lecturer|reader)(?:\\s+emerit(?:us|a))?)\\b");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        if (doc.body() == null) {
            return ExtractionResult.from(NAME, List.of(), List.of());
        }
        // The page heading is the content h1; where no h1 names a person (the h1 is the site's or the
        // department's name), the first level down that names anyone.
        List<Element> named = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PageIndex page = PageIndex.of(doc);
        for (Css.Tagged level : HEADING_LEVELS) {
            for (Element h : PageIndex.select(doc.body(), level)) {
                String n = nameIn(h);
                if (n != null && !page.inChrome(h)) {
                    named.add(h);
                    names.add(n);
                }
                if (named.size() > 1) {
                    return ExtractionResult.from(NAME, List.of(), List.of()); // several people: a listing
                }
            }
            if (!named.isEmpty()) {
                break;
            }
        }
        if (named.isEmpty()) {
            Element shown = nameFromPageTitle(doc);
            if (shown != null) {
                named.add(shown);
                names.add(nameIn(shown));
            }
        }
        if (named.size() != 1) {
            return ExtractionResult.from(NAME, List.of(), List.of()); // none, or several people: a listing
        }
        ExtractedProfessor r = read(doc, ctx, named.get(0), names.get(0));
        return ExtractionResult.from(NAME, r == null ? List.of() : List.of(r), List.of());
    }

    /**
     * A homepage without a name heading ("<div class=intro><b>Zeyu Wang</b> ...") is still titled with the name
     * ("Zeyu Wang | Homepage"): the first short element of the body that shows that name stands for the heading.
     */
    private static Element nameFromPageTitle(Document doc) {
        String name = null;
        for (String part : TITLE_SEPARATORS.split(doc.title())) {
            if ((name = PersonNames.extract(part)) != null) {
                break;
            }
        }
        if (name == null) {
            return null;
        }
        String key = NameKeys.personKey(name);
        for (Element el : doc.body().getAllElements()) {
            if (el.childrenSize() != 0) {
                continue;
            }
            String text = PageIndex.textOf(el);
            if (text.length() <= 60 && !Layout.inChrome(el)) {
                String shown = PersonNames.extract(text);
                if (shown != null && NameKeys.personKey(shown).equals(key)) {
                    return el;
                }
            }
        }
        return null;
    }


    private static String nameIn(Element heading) {
        for (String line : PageIndex.linesOf(heading)) {
            String n = PersonNames.extract(line);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private ExtractedProfessor read(Document doc, PageContext ctx, Element heading, String name) {
        // Widen the "header area" step by step: heading + following siblings, then the parent's.
        Element scope = heading;
        List<String> lines = List.of();
        AcademicTitles.Role role = null;
        for (int level = 0; level < 3 && scope != null && !scope.normalName().equals("body"); level++) {
            lines = areaLines(scope);
            role = roleIn(lines);
            if (role != null) {
                break;
            }
            scope = scope.parent();
        }
        if (role == null) {
            role = rankInBio(heading);
        }
        if (role == null || role.kind() != AcademicTitles.Kind.RANK) {
            return null; // no academic rank near the name: a student, staff member, or not a person page
        }
        String dept = null;
        for (String line : lines) {
            if (line.length() <= 80 && (dept = Departments.find(line)) != null) {
                break;
            }
        }
        if (dept == null) {
            dept = Departments.guess(doc, ctx);
        }
        String email = nearestEmail(PageIndex.of(doc), heading, name);
        Element canonical = PageIndex.select(doc, CANONICAL).stream().findFirst().orElse(null);
        String url = canonical != null ? canonical.attr("abs:href") : doc.location();
        if (Text.isBlank(url) && ctx != null) {
            url = ctx.url();
        }
        double confidence = 0.75 + (email != null ? 0.1 : 0);
        return new ExtractedProfessor(name, role.text(), email, dept, Text.isBlank(url) ? null : url, confidence, NAME,
                Evidence.of(heading), email == null ? nearestEmailImage(heading) : null);
    }

    /** Lines of the element and the siblings after it, up to the next top-level heading. */
    private static List<String> areaLines(Element start) {
        List<String> lines = new ArrayList<>(PageIndex.linesOf(start));
        Element sib = start.nextElementSibling();
        for (int i = 0; sib != null && i < MAX_FOLLOWING; i++, sib = sib.nextElementSibling()) {
            if (sib.is(Css.TOP_HEADINGS) || PageIndex.selectFirst(sib, Css.TOP_HEADINGS) != null) {
                break;
            }
            lines.addAll(PageIndex.linesOf(sib));
        }
        return lines;
    }

    /**
     * First title line that is not just the name; else one on the name line ("김민준 교수").
     * Only short lines count: "Professor X receives award" in a news teaser is a sentence, not a title.
     */
    private static AcademicTitles.Role roleIn(List<String> lines) {
        for (String line : lines) {
            AcademicTitles.Role r = isTitleLine(line) ? AcademicTitles.classify(line) : null;
            if (r != null && PersonNames.extract(line) == null) {
                return r;
            }
        }
        for (String line : lines) {
            AcademicTitles.Role r = isTitleLine(line) ? AcademicTitles.classify(line) : null;
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * Personal homepages state the rank in the opening sentence instead of a title line: "I am an Assistant
     * Professor at ...", "She is a Professor of ...". Read in the first paragraphs after the name only.
     */
    private static AcademicTitles.Role rankInBio(Element heading) {
        Element scope = heading.parent() != null && !heading.parent().normalName().equals("body") ? heading.parent() : heading;
        List<String> lines = areaLines(scope);
        for (int i = 0; i < Math.min(lines.size(), MAX_BIO_LINES); i++) {
            Matcher m = BIO_RANK.matcher(lines.get(i));
            if (m.find()) {
                AcademicTitles.Role r = AcademicTitles.classify(m.group(1));
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private static boolean isTitleLine(String line) {
        return line.length() <= 80 && line.split(" ").length <= MAX_TITLE_WORDS;
    }

    /**
     * Where the page shows no address as text, a picture of one in the same header area the email is looked for
     * in: the heading's parent, then up to {@link #EMAIL_IMAGE_LEVELS} ancestors (not the whole page, whose other
     * mail icons are the site's).
     */
    private static String nearestEmailImage(Element heading) {
        Element scope = heading.parent();
        for (int level = 0; level < EMAIL_IMAGE_LEVELS && scope != null; level++, scope = scope.parent()) {
            String url = EmailImages.in(scope);
            if (url != null || scope.normalName().equals("body")) {
                return url;
            }
        }
        return null;
    }

    /** The scope with its navigation and footers taken out: a copy, or the scope itself when it has none. */
    private static Element withoutChrome(Element scope, PageIndex page) {
        if (!mayHoldChrome(scope, page)) {
            // The copy would equal the scope, and the page's shared index (lines, text) serves the scope itself.
            return scope;
        }
        Element copy = scope.clone();
        copy.select(CHROME_TAGS).remove();
        for (Element el : copy.select(CLASSED)) {
            if (Layout.inChrome(el) && el.parent() != null) {
                el.remove();
            }
        }
        return copy;
    }

    /**
     * False only when the copy in {@link #withoutChrome} would lose nothing and read as the scope does: no element
     * (the scope included) is a chrome tag, none is in chrome counting the ancestors above the scope too (a
     * superset of what the copy, cut off at the scope, sees), and no ancestor keeps whitespace (a copy has none,
     * and text() keeps the spaces of text inside a pre).
     */
    private static boolean mayHoldChrome(Element scope, PageIndex page) {
        if (!PageIndex.select(scope, CHROME_TAGS).isEmpty()) {
            return true;
        }
        for (Element el : PageIndex.select(scope, CLASSED)) {
            if (page.inChrome(el)) {
                return true;
            }
        }
        for (Element up = scope.parent(); up != null; up = up.parent()) {
            if (up.tag().preserveWhitespace()) {
                return true;
            }
        }
        return false;
    }

    /** Climbs from the heading until some ancestor holds a personal email outside nav/footer. */
    private static String nearestEmail(PageIndex page, Element heading, String name) {
        for (Element scope = heading.parent(); scope != null; scope = scope.parent()) {
            String email = Emails.bestFor(Emails.in(withoutChrome(scope, page)), name);
            if (email != null) {
                return email;
            }
            if (scope.normalName().equals("body")) {
                break;
            }
        }
        return null;
    }
}
