package io.univinsight.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Works out which department a record belongs to: explicit on the record, from the crawl, or from the page. */
final class Departments {
    // "Department of Computer Science", "School of Physics and Astronomy": capitalised words (and "and"/"&").
    private static final Pattern EN = Pattern.compile(
            "\\b(?:Department|Dept\\.?|School|Division|Faculty) of (?:\\p{Lu}[\\p{L}'’-]*)"
                    + "(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*|and|&)(?=\\s|$|[,.;:)]))*"
                    + "|\\b(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4}Department\\b");
    private static final Pattern TRAILING_AND = Pattern.compile("\\s+(?:and|&)$");
    private static final Pattern KO = Pattern.compile("(?<![가-힣])[가-힣]{1,15}(?:학과|학부)(?![가-힣])");
    private static final Pattern DEPT_CLASS = Pattern.compile("(?i).*\\b(?:dept|department|division|unit)\\b.*");

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
        for (Element el : doc.select("[itemprop=department], [class], [id]")) {
            if (el.closest("nav, footer, [role=navigation]") != null) {
                continue; // menus list every department; the banner's own label is what we want
            }
            if (!el.attr("itemprop").equals("department")
                    && !DEPT_CLASS.matcher(el.className().replace('-', ' ').replace('_', ' ')).matches()
                    && !DEPT_CLASS.matcher(el.id().replace('-', ' ').replace('_', ' ')).matches()) {
                continue;
            }
            String text = Text.clean(el.text());
            if (text.isEmpty() || text.length() > 80) {
                continue;
            }
            String found = find(text);
            return found != null ? found : text;
        }
        for (Element el : doc.select("title, header, [class*=breadcrumb], h1, h2")) {
            if (!el.is("[class*=breadcrumb]") && el.closest("nav, footer, [role=navigation]") != null) {
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
        if (el.select("nav, [role=navigation], ul, ol").isEmpty()) {
            return el.text();
        }
        Element copy = el.clone();
        copy.select("nav, [role=navigation], ul, ol").remove();
        return copy.text();
    }
}
