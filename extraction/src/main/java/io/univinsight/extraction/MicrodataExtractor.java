package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reads schema.org microdata ({@code itemscope itemtype=".../Person"} and {@code .../ScholarlyArticle}).
 * Properties belong to their nearest enclosing item, so a co-author Person nested in an article is
 * not mistaken for the page's professor.
 */
public final class MicrodataExtractor implements Extractor {
    private static final Evaluator ITEMS = QueryParser.parse("[itemscope][itemtype]");
    public static final String NAME = "microdata";
    private static final Set<String> NOT_SUBJECT = Set.of("author", "creator", "contributor", "editor",
            "colleague", "knows", "funder", "sponsor");
    private static final Set<String> TEXT_PROPS = Set.of("name", "headline", "jobTitle", "givenName", "familyName");

    private static final java.util.regex.Pattern PERSON_TYPE = java.util.regex.Pattern.compile("(?i).*schema\\.org/Person\\b.*");

    private static final java.util.regex.Pattern ARTICLE_TYPE = java.util.regex.Pattern.compile("(?i).*schema\\.org/(?:Medical)?ScholarlyArticle\\b.*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        List<ExtractedProfessor> professors = new ArrayList<>();
        List<ExtractedPaper> papers = new ArrayList<>();
        String pageDept = null;
        for (Element item : PageIndex.select(doc, ITEMS)) {
            String type = item.attr("itemtype");
            if (PERSON_TYPE.matcher(type).matches()) {
                if (NOT_SUBJECT.contains(item.attr("itemprop"))) {
                    continue;
                }
                if (pageDept == null) {
                    pageDept = Departments.guess(doc, ctx);
                }
                ExtractedProfessor p = person(item, pageDept);
                if (p != null) {
                    professors.add(p);
                }
            } else if (ARTICLE_TYPE.matcher(type).matches()) {
                ExtractedPaper p = paper(item);
                if (p != null) {
                    papers.add(p);
                }
            }
        }
        return ExtractionResult.from(NAME, professors, papers);
    }

    private static ExtractedProfessor person(Element item, String pageDept) {
        String rawName = first(item, "name");
        if (rawName == null) {
            String given = first(item, "givenName");
            String family = first(item, "familyName");
            rawName = given != null && family != null ? given + " " + family : null;
        }
        String name = rawName == null ? null : PersonNames.extract(rawName);
        String title = null;
        for (Element prop : props(item, "jobTitle")) {
            AcademicTitles.Role role = AcademicTitles.classify(prop.hasAttr("content") ? value(prop) : prop.text());
            if (role != null) {
                title = role.kind() == AcademicTitles.Kind.RANK ? role.text() : null;
                break;
            }
        }
        if (name == null || title == null) {
            return null;
        }
        String email = null;
        for (Element prop : props(item, "email")) {
            String v = value(prop);
            String fromLink = Emails.fromMailto(v);
            List<String> inText = Emails.inText(v);
            email = fromLink != null ? fromLink : inText.isEmpty() ? null : inText.get(0);
            if (email != null) {
                break;
            }
        }
        String url = Layout.resolve(item.baseUri(), first(item, "url"));
        String dept = null;
        for (String key : List.of("department", "affiliation", "worksFor", "memberOf")) {
            for (Element prop : props(item, key)) {
                dept = Departments.find(prop.hasAttr("itemscope") ? Text.clean(prop.text()) : value(prop));
                if (dept != null) {
                    break;
                }
            }
            if (dept != null) {
                break;
            }
        }
        return new ExtractedProfessor(name, title, email, dept != null ? dept : pageDept,
                url == null || url.startsWith("mailto:") ? null : url, email != null ? 0.9 : 0.85, NAME,
                Evidence.of(item));
    }

    private static ExtractedPaper paper(Element item) {
        String title = first(item, "headline");
        if (title == null) {
            title = first(item, "name");
        }
        if (title == null) {
            return null;
        }
        List<String> authors = new ArrayList<>();
        for (Element prop : props(item, "author")) {
            String n = prop.hasAttr("itemscope") ? first(prop, "name") : textValue(prop);
            if (n != null) {
                authors.add(n);
            }
        }
        Integer year = Citations.year(first(item, "datePublished"));
        String venue = null;
        for (Element prop : props(item, "isPartOf")) {
            venue = prop.hasAttr("itemscope") ? first(prop, "name") : textValue(prop);
            if (venue != null) {
                break;
            }
        }
        String doi = null;
        for (String key : List.of("doi", "identifier", "sameAs", "url")) {
            for (Element prop : props(item, key)) {
                doi = Citations.doi(value(prop));
                if (doi != null) {
                    break;
                }
            }
            if (doi != null) {
                break;
            }
        }
        String url = Layout.resolve(item.baseUri(), first(item, "url"));
        if (url == null && doi != null) {
            url = "https://doi.org/" + doi;
        }
        double confidence = 0.75 + (doi != null ? 0.05 : 0) + (year != null ? 0.05 : 0) + (venue != null ? 0.05 : 0);
        return new ExtractedPaper(title, authors, year, venue, doi, url, confidence, NAME, Evidence.of(item));
    }

    /** Elements carrying {@code itemprop=name} whose nearest enclosing item is {@code item}. */
    private static List<Element> props(Element item, String name) {
        List<Element> out = new ArrayList<>();
        for (Element el : item.select("[itemprop]")) {
            if (el == item || !List.of(el.attr("itemprop").trim().split("\\s+")).contains(name)) {
                continue;
            }
            Element owner = el.parent();
            while (owner != null && !owner.hasAttr("itemscope")) {
                owner = owner.parent();
            }
            if (owner == item) {
                out.add(el);
            }
        }
        return out;
    }

    private static String first(Element item, String name) {
        for (Element prop : props(item, name)) {
            // Sites often put itemprop="name" on the profile link itself; the name is its text, not its href.
            String v = TEXT_PROPS.contains(name) && !prop.hasAttr("content") ? Text.clean(prop.text()) : value(prop);
            if (!Text.isBlank(v)) {
                return v;
            }
        }
        return null;
    }

    private static String textValue(Element el) {
        String v = el.hasAttr("content") ? el.attr("content") : el.text();
        return Text.isBlank(v) ? null : Text.clean(v);
    }

    /** The microdata value of a property element (content, href, src, datetime or text). */
    private static String value(Element el) {
        String tag = el.normalName();
        if (el.hasAttr("content")) {
            return Text.clean(el.attr("content"));
        }
        return switch (tag) {
            case "a", "link", "area" -> el.attr("href").toLowerCase().startsWith("mailto:")
                    ? el.attr("href") : Layout.absHref(el);
            case "img", "audio", "video", "source", "iframe", "embed" -> el.attr("abs:src");
            case "time" -> el.hasAttr("datetime") ? el.attr("datetime") : Text.clean(el.text());
            case "data", "meter" -> el.attr("value");
            default -> Text.clean(el.text());
        };
    }
}
