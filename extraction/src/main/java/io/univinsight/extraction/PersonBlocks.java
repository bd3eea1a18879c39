package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import io.univinsight.identity.NameKeys;

/**
 * Reads the person-level fields (name, role, emails, profile link, department) out of one block of
 * markup such as a directory card, list item or table row.
 */
final class PersonBlocks {
    private static final Pattern NAME_CLASS = Pattern.compile(
            "(?i)^(?:.*[-_])?(?:name|fullname|full-name|person-name|displayname)(?:[-_].*)?$");
    static final GuardedPattern NOT_PERSON_CLASS = new GuardedPattern(
            "(?i).*(?:dept|department|org|site|course|unit|lab|group|school|univ|program|file|user).*",
            "dept", "department", "org", "site", "course", "unit", "lab", "group", "school", "univ", "program", "file", "user");
    private static final Pattern PROFILE_TEXT = Pattern.compile(
            "(?i)^(?:view\\s+)?(?:full\\s+)?(?:profile|homepage|home page|personal (?:page|website)|website|web page"
                    + "|more(?: info)?|details|bio(?:graphy)?|read more|mehr|zum profil|profil|plus|en savoir plus|fiche"
                    + "|más|ver más|perfil|ficha|dettagli|profilo|scheda|pagina personale)\\b.*"
                    + "|.*(?:홈페이지|프로필|상세|자세히|了解更多|更多|详细|詳細|詳しく|个人主页|個人主頁|个人简介|プロフィール).*");

    /** Where a name is looked for after the classed elements, in this order. */
    private static final List<Evaluator> NAME_MARKUP = List.of(Css.HEADINGS, Css.EMPHASIS_CELLS, Css.LINKS);

    private static final Pattern NAME_LABEL = Pattern.compile("(?i)^(?:성명|이름|교수명|성\\s*명|name|full name)\\s*[:：]\\s*");

    /** What one block says about a person; {@code name} is {@code null} when no name was found. */
    record Reading(String name, AcademicTitles.Role role, List<String> emails, String profileUrl,
                   String department, int rankLines, boolean nameFromMarkup) {
    }

    /** A name and whether it came from markup meant to hold it (classed element, heading, bold, link). */
    record Name(String value, boolean fromMarkup) {
    }

    private PersonBlocks() {
    }

    static Reading read(Element block) {
        List<String> lines = PageIndex.linesOf(block);
        Name name = markupName(block);
        return read(block, lines, name != null ? name : lineName(lines));
    }

    /**
     * Like {@link #read(Element)}, but {@code null} when the block holds no name: callers that only keep
     * named readings skip the costly role, email and link look-ups for the many blocks without one, and the
     * block's lines too where its text shows that none of them can be a name (a citation in a list).
     */
    static Reading readNamed(Element block) {
        Name name = markupName(block);
        List<String> lines = PageIndex.knownLinesOf(block); // lines read for a card around it cost nothing more
        if (name == null && lines == null && oneLineTooLongForName(block)) {
            return null;
        }
        if (lines == null) {
            lines = PageIndex.linesOf(block);
        }
        if (name == null) {
            name = lineName(lines);
        }
        return name.value() == null ? null : read(block, lines, name);
    }

    private static Reading read(Element block, List<String> lines, Name name) {
        AcademicTitles.Role role = null;
        int rankLines = 0;
        // Skip lines that are themselves a name, so "Professor Jane Doe" (honorific) does not
        // shadow the real title line below it.
        for (String line : lines) {
            AcademicTitles.Role r = AcademicTitles.classify(line);
            if (r == null) {
                continue;
            }
            if (r.kind() == AcademicTitles.Kind.RANK) {
                rankLines++;
            }
            if (role == null && PersonNames.extract(line) == null) {
                role = r;
            }
        }
        if (role == null) { // e.g. "김민준 교수" or "Professor Jane Doe": rank only on the name line
            for (String line : lines) {
                if ((role = AcademicTitles.classify(line)) != null) {
                    break;
                }
            }
        }
        String department = null;
        for (String line : lines) {
            if (line.length() <= 80 && (department = Departments.find(line)) != null) {
                break;
            }
        }
        String profile = findProfileLink(block, name.value());
        return new Reading(name.value(), role, Emails.in(block), profile, department, rankLines, name.fromMarkup());
    }

    /** A name from markup (classed element, heading, bold/cell, link), or {@code null} when none holds one. */
    private static Name markupName(Element block) {
        // The queries below, each matched against the block's elements in document order, as select() would.
        List<Element> elements = PageIndex.subtree(block);
        for (Element el : elements) {
            // Css.NAME_CANDIDATES are attribute tests: an element without any attribute cannot match, and is passed over.
            if (el.attributesSize() == 0 || !Css.NAME_CANDIDATES.matches(block, el)) {
                continue;
            }
            boolean classed = el.attr("itemprop").equals("name")
                    || Text.containsIgnoreAsciiCase(el.className(), "name") && ClassNames.anyMatch(el, c -> NAME_CLASS.matcher(c).matches() && !NOT_PERSON_CLASS.matches(c))
                    || (Text.containsIgnoreAsciiCase(el.id(), "name") && NAME_CLASS.matcher(el.id()).matches() && !NOT_PERSON_CLASS.matches(el.id()));
            if (classed) {
                String n = firstName(el);
                if (n != null) {
                    return new Name(n, true);
                }
            }
        }
        for (Evaluator query : NAME_MARKUP) {
            for (Element el : elements) {
                if (!query.matches(block, el) || el.attr("href").toLowerCase().startsWith("mailto:")) {
                    continue;
                }
                String n = firstName(el);
                if (n != null) {
                    return new Name(n, true);
                }
            }
        }
        return null;
    }

    /** A name from the block's lines: a labelled field ("Name: Jane Doe"), else any line that is a name. */
    static Name lineName(List<String> lines) {
        for (String line : lines) {
            if (!mayHoldLabel(line)) {
                continue;
            }
            Matcher labelled = NAME_LABEL.matcher(line);
            if (labelled.find()) {
                // "성명 : 홍길동", "Name: Jane Doe": a form-style field is as deliberate as markup.
                String n = PersonNames.extract(line.substring(labelled.end()));
                if (n != null) {
                    return new Name(n, true);
                }
            }
        }
        for (String line : lines) {
            String n = nameNotRank(line);
            if (n != null) {
                // A block whose whole text is the name ("<p>Lynn Abbott (ECE)</p>") states it as deliberately as markup.
                return new Name(n, lines.size() == 1);
            }
        }
        return new Name(null, false);
    }

    /**
     * Whether {@link #lineName} must find nothing, told from the block's text (shared with the other extractors) without
     * working out its lines: the block is one line (no element below it breaks one), with no colon for a label and no
     * parenthesis for an aside to drop, and holds more characters other than spaces than a name may have. The line keeps
     * every such character of the text, and the zero-width ones text() drops, so it holds at least as many.
     */
    static boolean oneLineTooLongForName(Element block) {
        List<Element> elements = PageIndex.subtree(block);
        for (int i = 1; i < elements.size(); i++) { // (the first is the block itself)
            if (Text.isBoundary(elements.get(i))) {
                return false;
            }
        }
        if (!PageIndex.textLongerThan(block, PersonNames.MAX_NAME_LENGTH)) {
            return false; // too short to tell by (and its few characters are soon read as lines)
        }
        String text = PageIndex.textOf(block);
        return Text.keepsMoreThan(text, PersonNames.MAX_NAME_LENGTH) // (a look at its first characters)
                && !mayHoldLabel(text) && !PersonNames.mayHoldAside(text);
    }

    /** Whether the text may hold a labelled field ("Name: Jane Doe"): {@link #NAME_LABEL} needs a colon. */
    private static boolean mayHoldLabel(String text) {
        return text.indexOf(':') >= 0 || text.indexOf('：') >= 0;
    }

    private static String firstName(Element el) {
        for (String line : PageIndex.linesOf(el)) {
            String n = nameNotRank(line);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** The name in a line, unless the "name" is a rank phrase ("Catedrática de Universidad" is name-shaped). */
    private static String nameNotRank(String line) {
        String n = PersonNames.extract(line);
        return n != null && AcademicTitles.classify(n) == null ? n : null;
    }

    private static String findProfileLink(Element block, String name) {
        List<Element> links = new ArrayList<>();
        for (Element a : PageIndex.select(block, Css.LINKS)) {
            if (isPageLink(a)) {
                links.add(a);
            }
        }
        if (name != null) {
            String key = null; // worked out for the first link whose name is not the block's name as it stands
            for (Element a : links) {
                String text = PersonNames.extract(Text.clean(PageIndex.textOf(a)));
                if (text == null) {
                    continue;
                }
                if (text.equals(name)) {
                    return Layout.absHref(a); // equal names have equal keys
                }
                if (key == null) {
                    key = NameKeys.personKey(name);
                }
                if (NameKeys.personKey(text).equals(key)) {
                    return Layout.absHref(a);
                }
            }
        }
        for (Element a : links) {
            if (PROFILE_TEXT.matcher(Text.clean(PageIndex.textOf(a))).matches()) {
                return Layout.absHref(a);
            }
        }
        // A card that is one link (photo, name and interests inside one <a>), or whose links all lead to one page.
        String only = null;
        for (Element a : links) {
            String href = a.attr("href").trim(); // the raw value: resolving every link of every block is costly
            if (only != null && !only.equals(href)) {
                return null;
            }
            only = href;
        }
        return only != null && name != null && PageIndex.textOf(links.get(0)).contains(name) ? Layout.absHref(links.get(0)) : null;
    }

    private static boolean isPageLink(Element a) {
        String href = a.attr("href").trim().toLowerCase();
        return !href.isEmpty() && !href.startsWith("#") && !href.startsWith("mailto:") && !href.startsWith("tel:")
                && !href.startsWith("javascript:") && !href.contains("doi.org/");
    }
}
