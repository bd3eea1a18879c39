package io.univinsight.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Works out which department a record belongs to: explicit on the record, from the crawl, or from the page. */
final class Departments {
    // "Department of Computer Science", "School of Physics and Astronomy": capitalised words (and "and"/"&").
    private static final Pattern EN = Pattern.compile(
            "\\b(?:Department|Dept\\.?|School|Division|Faculty) of (?:\\p{Lu}[\\p{L}'’-]*)"
                    + "(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*|and|&)(?=\\s|$|[,.;:)]))*"
                    + "|\\b(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4}Department\\b");
    private static final Pattern TRAILING_AND = Pattern.compile("\\s+(?:and|&)$");
    private static final Pattern KO = Pattern.compile("(?<![가-힣])[가-힣]{1,15}(?:학과|학부)(?![가-힣])");
    /** A department word in a class or id; the name must hold no line break (as a whole-string .*X.* match would). */
    private static final Pattern DEPT_CLASS_WORD = Pattern.compile("(?i)\\b(?:dept|department|division|unit)\\b");
    /** Selectors parsed once: jsoup parses a selector string on every call, which cost a fifth of a crawl in the profile. */
    private static final Evaluator MARKED = QueryParser.parse("[itemprop=department], [class], [id]");
    private static final Evaluator IN_MENU = QueryParser.parse("nav, footer, [role=navigation]");
    private static final Evaluator BANNERS = QueryParser.parse("title, header, [class*=breadcrumb], h1, h2");
    private static final Evaluator BREADCRUMB = QueryParser.parse("[class*=breadcrumb]");
    private static final Evaluator MENUS = QueryParser.parse("nav, [role=navigation], ul, ol");

    private Departments() {
    }

    /** A department phrase inside the text, or {@code null}. */
    static String find(String text) {
        String t = Text.clean(text);
        // Each pattern only runs on text with the words it needs: " of " or "Department"; 학과 or 학부.
        if (t.contains(" of ") || t.contains("Department")) {
            Matcher m = EN.matcher(t);
            if (m.find()) {
                return TRAILING_AND.matcher(m.group()).replaceAll("").trim();
            }
        }
        if (!t.contains("학과") && !t.contains("학부")) {
            return null;
        }
        Matcher k = KO.matcher(t);
        return k.find() ? k.group() : null;
    }

    /**
     * Page-level department: the crawl's own knowledge wins, then an element explicitly marked as the
     * department, then headings, breadcrumbs and the document title.
     */
    static String guess(Document doc, PageContext ctx) {
        if (ctx != null && !Text.isBlank(ctx.department())) {
            return Text.clean(ctx.department());
        }
        return PageIndex.of(doc).departmentNamed(Departments::namedOnPage);
    }

    /** The department an element marked as such, else a heading, breadcrumb or the title names. */
    private static String namedOnPage(Document doc) {
        for (Element el : doc.select(MARKED)) {
            if (!el.attr("itemprop").equals("department") && !namesDepartment(el.className()) && !namesDepartment(el.id())) {
                continue;
            }
            if (el.closest(IN_MENU) != null) {
                continue; // menus list every department; the banner's own label is what we want
            }
            String text = Text.clean(PageIndex.textOf(el));
            if (text.isEmpty() || text.length() > 80) {
                continue;
            }
            String found = find(text);
            return found != null ? found : text;
        }
        for (Element el : doc.select(BANNERS)) {
            if (!el.is(BREADCRUMB) && el.closest(IN_MENU) != null) {
                continue;
            }
            String found = find(withoutMenus(el));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Text of a banner without its menus, which name every department of the university. */
    private static String withoutMenus(Element el) {
        if (el.select(MENUS).isEmpty()) {
            return PageIndex.textOf(el);
        }
        Element copy = el.clone();
        copy.select(MENUS).remove();
        return PageIndex.textOf(copy);
    }

    /** A class or id naming a department (words split at '-' and '_'). */
    private static boolean namesDepartment(String name) {
        String words = name.replace('-', ' ').replace('_', ' ');
        return !hasLineBreak(words) && DEPT_CLASS_WORD.matcher(words).find();
    }

    /** The characters '.' does not match without DOTALL. */
    private static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
