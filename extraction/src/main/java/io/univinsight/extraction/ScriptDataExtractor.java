package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.univinsight.chain.ElementParams;
import io.univinsight.identity.NameKeys;

/**
 * People and papers a page's own script turns into cards: the HTML holds an empty list and an inline script holds
 * the data ({@code var list = [{...}, ...]}, {@code __NEXT_DATA__}, a JSON blob). The literals are read
 * without running the script; an array of objects is a list of people when its objects carry a value that
 * is a person's name and one that is a rank. Which key holds what is decided by the values,
 * never by key names, so it reads any site's data.
 */
public final class ScriptDataExtractor implements Extractor {
    private static final Css.Tagged SCRIPTS = Css.Tagged.parse("script");
    public static final String NAME = "script-data";
    /** Parameter: scripts longer than this many characters are not read (time and memory per page). */
    public static final String MAX_SCRIPT_CHARS = "max-script-chars";
    static final Set<String> PARAMS = Set.of(MAX_SCRIPT_CHARS);
    private static final int DEFAULT_MAX_SCRIPT_CHARS = 3_000_000;
    private static final int MAX_LITERALS_PER_SCRIPT = 400;
    private static final Pattern IMAGE = Pattern.compile("(?i)\\.(?:jpe?g|png|gif|svg|webp|bmp)(?:$|\\?)");
    private static final Pattern URL_OR_PATH = Pattern.compile(
            "^(?:https?://|\\.{0,2}/)[^\\s<>\"]+$|^[\\w./-]+\\.(?:s?html?|php|jsp|aspx?)(?:\\?\\S*)?$");

    private final int maxScriptChars;

    public ScriptDataExtractor() {
        this(ElementParams.none(NAME));
    }

    ScriptDataExtractor(ElementParams params) {
        this.maxScriptChars = params.intValue(MAX_SCRIPT_CHARS, DEFAULT_MAX_SCRIPT_CHARS, 1_000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        List<ExtractedProfessor> out = new ArrayList<>();
        List<ExtractedPaper> papers = new ArrayList<>();
        String pageDept = Departments.guess(doc, ctx);
        int n = 0;
        for (Element script : PageIndex.select(doc, SCRIPTS)) {
            n++;
            String type = script.attr("type").toLowerCase();
            if (script.hasAttr("src") || type.contains("ld+json")) {
                continue; // JSON-LD has its own extractor
            }
            String code = script.data();
            if (code.length() < 20 || code.length() > maxScriptChars) {
                continue;
            }
            String where = "script:nth-of-type(" + n + ")";
            for (Object literal : literals(code)) {
                collect(literal, doc, pageDept, where, out, papers);
            }
        }
        return ExtractionResult.from(NAME, out, papers);
    }

    /** Arrays and objects assigned, passed or given as the whole script; each read once, outermost. */
    private static List<Object> literals(String code) {
        List<Object> found = new ArrayList<>();
        int attempts = 0;
        for (int i = 0; i < code.length() && attempts < MAX_LITERALS_PER_SCRIPT; i++) {
            char c = code.charAt(i);
            if ((c != '[' && c != '{') || !startsAValue(code, i)) {
                continue;
            }
            attempts++;
            try {
                Json.Prefix p = Json.parseLiteral(code, i);
                if (p.value() instanceof List<?> || p.value() instanceof Map<?, ?>) {
                    found.add(p.value());
                    i = p.end() - 1;
                }
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException notData) {
                // code, not data: try the next bracket
            }
        }
        return found;
    }

    /** A literal value follows "=", "(", ":", "," or starts the script; a bracket after a name is an index. */
    private static boolean startsAValue(String code, int at) {
        for (int j = at - 1; j >= 0; j--) {
            char p = code.charAt(j);
            if (!Character.isWhitespace(p)) {
                return p == '=' || p == '(' || p == ':' || p == ',' || p == ';';
            }
        }
        return true;
    }

    private static void collect(Object node, Document doc, String pageDept, String where, List<ExtractedProfessor> out,
                                List<ExtractedPaper> papers) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, doc, pageDept, where, out, papers));
        } else if (node instanceof List<?> list) {
            List<ExtractedProfessor> people = new ArrayList<>();
            List<ExtractedPaper> works = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> object) {
                    ExtractedProfessor r = person(object, doc, pageDept, where);
                    if (r != null) {
                        people.add(r);
                    } else {
                        ExtractedPaper p = ScriptPapers.paper(object, NAME, where);
                        if (p != null) {
                            works.add(p);
                        }
                    }
                }
            }
            out.addAll(people);
            if (works.size() >= 2) { // one title-and-year object may be anything; a list of them is a publication list
                papers.addAll(works);
            }
            if (people.isEmpty() && works.size() < 2) {
                list.forEach(v -> collect(v, doc, pageDept, where, out, papers));
            }
        }
    }

    /** One object (with the objects nested in it) read as a person, or null when it is none or no faculty. */
    private static ExtractedProfessor person(Map<?, ?> object, Document doc, String pageDept, String where) {
        List<String> values = new ArrayList<>();
        flatten(object, values, 0);
        String name = null;
        AcademicTitles.Role role = null;
        String email = null;
        String profile = null;
        for (String raw : values) {
            String v = Text.clean(raw);
            if (v.isEmpty()) {
                continue;
            }
            if (name == null && v.length() <= 60) {
                String n = PersonNames.extract(v);
                if (n != null && NameKeys.personKey(n).equals(NameKeys.personKey(v))) {
                    name = n;
                    continue;
                }
            }
            if (email == null && Emails.EMAIL.matcher(v).matches()) {
                email = v;
                continue;
            }
            if (role == null && v.length() <= 60) {
                role = AcademicTitles.classify(v);
            }
            if (profile == null && URL_OR_PATH.matcher(v).matches() && !IMAGE.matcher(v).find()) {
                profile = Layout.resolve(doc.baseUri(), v);
            }
        }
        // A name and an email alone may be anyone (staff lists are built the same way): a rank is required.
        if (name == null || role == null || role.kind() == AcademicTitles.Kind.EXCLUDED) {
            return null;
        }
        double confidence = 0.75 + (email != null ? 0.1 : 0);
        return new ExtractedProfessor(name, role.text(), email, pageDept, profile, confidence, NAME, where);
    }

    /** String values of an object and of the objects inside it (a few levels), in order. */
    private static void flatten(Object node, List<String> out, int depth) {
        if (depth > 3) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> flatten(v, out, depth + 1));
        } else if (node instanceof String s) {
            out.add(s);
        }
    }
}
