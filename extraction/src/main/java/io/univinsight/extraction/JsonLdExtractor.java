package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads schema.org {@code Person} and {@code ScholarlyArticle} nodes from
 * {@code <script type="application/ld+json">}. Structured data is written on purpose by the site,
 * so it gets the highest confidence; a Person still needs an academic {@code jobTitle}.
 */
public final class JsonLdExtractor implements Extractor {
    private static final Css.Tagged JSON_LD_SCRIPTS = Css.Tagged.parse("script[type~=(?i)application/ld\\+json]");
    public static final String NAME = "json-ld";
    private static final Set<String> PAPER_TYPES = Set.of("ScholarlyArticle", "MedicalScholarlyArticle");
    // A Person under these keys is a co-author or acquaintance, not the subject of the page.
    private static final Set<String> NOT_SUBJECT = Set.of(
            "author", "creator", "contributor", "editor", "colleague", "knows", "spouse", "parent", "children",
            "sibling", "relatedTo", "follows", "funder", "sponsor", "alumni", "founder");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        List<ExtractedProfessor> professors = new ArrayList<>();
        List<ExtractedPaper> papers = new ArrayList<>();
        String pageDept = Departments.guess(doc, ctx);
        int n = 0;
        for (Element script : PageIndex.select(doc, JSON_LD_SCRIPTS)) {
            n++;
            Object root;
            try {
                root = Json.parse(stripWrappers(script.data()));
            } catch (IllegalArgumentException malformed) {
                continue; // broken markup on one block should not hide the rest of the page
            }
            String where = "script[type=application/ld+json]:nth-of-type(" + n + ")";
            new Walker(doc, pageDept, where, professors, papers).visit(root, null, "$");
        }
        return ExtractionResult.from(NAME, professors, papers);
    }

    private static String stripWrappers(String data) {
        return data.trim()
                .replaceAll("^(?://)?\\s*<!\\[CDATA\\[", "").replaceAll("(?://)?\\s*]]>$", "")
                .replaceAll("^<!--", "").replaceAll("-->$", "").trim();
    }

    /** Recursive walk over one JSON-LD document collecting records. */
    private record Walker(Document doc, String pageDept, String where,
                          List<ExtractedProfessor> professors, List<ExtractedPaper> papers) {
        void visit(Object node, String key, String path) {
            if (node instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    visit(list.get(i), key, path + "[" + i + "]");
                }
                return;
            }
            if (!(node instanceof Map<?, ?> map)) {
                return;
            }
            List<String> types = strings(map.get("@type"));
            if (types.contains("Person") && (key == null || !NOT_SUBJECT.contains(key))) {
                ExtractedProfessor p = person(map, path);
                if (p != null) {
                    professors.add(p);
                }
            }
            if (types.stream().anyMatch(PAPER_TYPES::contains)) {
                ExtractedPaper paper = paper(map, path);
                if (paper != null) {
                    papers.add(paper);
                }
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (!k.equals("@context")) {
                    visit(e.getValue(), k.equals("@graph") ? key : k, path + "." + k);
                }
            }
        }

        private ExtractedProfessor person(Map<?, ?> map, String path) {
            String name = text(map.get("name"));
            if (name == null) {
                String given = text(map.get("givenName"));
                String family = text(map.get("familyName"));
                name = given != null && family != null ? given + " " + family : null;
            }
            name = name == null ? null : PersonNames.extract(name);
            String title = null;
            for (String jobTitle : strings(map.get("jobTitle"))) {
                AcademicTitles.Role role = AcademicTitles.classify(jobTitle);
                if (role != null) {
                    title = role.kind() == AcademicTitles.Kind.RANK ? role.text() : null;
                    break;
                }
            }
            if (name == null || title == null) {
                return null; // no academic rank: could be staff, a student, or just an author mention
            }
            String email = null;
            for (String e : strings(map.get("email"))) {
                List<String> found = Emails.inText(e.replaceFirst("(?i)^mailto:", ""));
                if (!found.isEmpty()) {
                    email = found.get(0);
                    break;
                }
            }
            String url = text(map.get("url"));
            if (url == null) {
                url = text(map.get("@id"));
            }
            url = url == null || url.startsWith("_:") ? null : absolute(url);
            String dept = null;
            for (String k : List.of("department", "worksFor", "affiliation", "memberOf")) {
                dept = department(map.get(k), 0);
                if (dept != null) {
                    break;
                }
            }
            double confidence = email != null ? 0.95 : 0.9;
            return new ExtractedProfessor(name, title, email, dept != null ? dept : pageDept, url, confidence,
                    NAME, where + " " + path);
        }

        private ExtractedPaper paper(Map<?, ?> map, String path) {
            String title = text(map.get("headline"));
            if (title == null) {
                title = text(map.get("name"));
            }
            if (title == null) {
                return null;
            }
            List<String> authors = new ArrayList<>();
            for (Object a : asList(map.get("author"))) {
                String n = a instanceof Map<?, ?> m ? personName(m) : text(a);
                if (n != null) {
                    authors.add(Text.clean(n));
                }
            }
            Integer year = Citations.year(text(map.get("datePublished")));
            if (year == null) {
                year = Citations.year(text(map.get("copyrightYear")));
            }
            String venue = venue(map.get("isPartOf"), 0);
            if (venue == null) {
                venue = venue(map.get("publisher"), 0);
            }
            String doi = null;
            for (String k : List.of("doi", "identifier", "sameAs", "url", "@id")) {
                for (Object v : asList(map.get(k))) {
                    String candidate = v instanceof Map<?, ?> m ? text(m.get("value")) : text(v);
                    doi = candidate == null ? null : Citations.doi(candidate);
                    if (doi != null) {
                        break;
                    }
                }
                if (doi != null) {
                    break;
                }
            }
            String url = text(map.get("url"));
            url = url != null ? absolute(url) : doi != null ? "https://doi.org/" + doi : null;
            double confidence = 0.8 + (doi != null ? 0.05 : 0) + (year != null ? 0.05 : 0) + (venue != null ? 0.05 : 0);
            return new ExtractedPaper(Text.clean(title), authors, year, venue, doi, url, confidence, NAME,
                    where + " " + path);
        }

        private String personName(Map<?, ?> m) {
            String n = text(m.get("name"));
            if (n == null && text(m.get("familyName")) != null) {
                n = (text(m.get("givenName")) == null ? "" : text(m.get("givenName")) + " ") + text(m.get("familyName"));
            }
            return n;
        }

        /** Finds a department-like organisation name, following department/subOrganization links. */
        private String department(Object node, int depth) {
            if (node == null || depth > 3) {
                return null;
            }
            for (Object o : asList(node)) {
                if (o instanceof Map<?, ?> m) {
                    String nested = department(m.get("department"), depth + 1);
                    if (nested == null) {
                        nested = department(m.get("subOrganization"), depth + 1);
                    }
                    if (nested != null) {
                        return nested;
                    }
                    String name = text(m.get("name"));
                    String found = name == null ? null : Departments.find(name);
                    if (found != null) {
                        return found;
                    }
                } else {
                    String found = Departments.find(text(o));
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private String venue(Object node, int depth) {
            if (node == null || depth > 3) {
                return null;
            }
            if (node instanceof Map<?, ?> m) {
                // PublicationIssue -> PublicationVolume -> Periodical: the outermost name is the venue.
                String outer = venue(m.get("isPartOf"), depth + 1);
                return outer != null ? outer : text(m.get("name"));
            }
            if (node instanceof List<?> list) {
                return list.isEmpty() ? null : venue(list.get(0), depth + 1);
            }
            return text(node);
        }

        private String absolute(String url) {
            return Layout.resolve(doc.baseUri(), url); // baseUri honours a <base href>
        }
    }

    private static List<?> asList(Object o) {
        if (o == null) {
            return List.of();
        }
        return o instanceof List<?> l ? l : List.of(o);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object v : asList(o)) {
            String t = v instanceof Map<?, ?> m ? text(m.get("name")) : text(v);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static String text(Object o) {
        if (o instanceof String s && !Text.isBlank(s)) {
            return Text.clean(s);
        }
        if (o instanceof Double d) {
            return d == Math.floor(d) ? String.valueOf(d.longValue()) : d.toString();
        }
        return null;
    }
}
