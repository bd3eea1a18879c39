package io.univinsight.extraction;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Guesses where a link leads from its anchor text (English and Korean) and URL shape, so the crawler
 * can follow directories, profiles, publication lists and pagination before anything else.
 * Text is checked first because it states intent ("Next", "교수진"); the URL decides otherwise.
 */
public final class LinkClassifier {
    private static final Pattern NEXT_TEXT = Pattern.compile(
            "(?i)^(?:next(?:\\s+page)?|older(?:\\s+entries)?|load more|다음(?:\\s*페이지)?|다음\\s*목록)\\s*[›»>→▶]*$"
                    + "|^[›»>→▶]{1,2}$");
    private static final Pattern PREV_TEXT = Pattern.compile(
            "(?i)^[‹«<←◀]*\\s*(?:prev(?:ious)?(?:\\s+page)?|newer|back|이전(?:\\s*페이지)?|처음|first|last|마지막)\\s*[‹«<←◀]*$|^[‹«<←◀]{1,2}$");
    private static final Pattern PROFILE_TEXT = Pattern.compile(
            "(?i)^(?:view\\s+)?(?:full\\s+)?(?:profile|homepage|home page|personal (?:page|website)|curriculum vitae|cv)\\b.*"
                    + "|.*(?:프로필|홈페이지|교수\\s*소개\\s*상세).*");
    private static final Pattern PUBLICATIONS_TEXT = Pattern.compile(
            "(?i).*\\b(?:publications?|papers|bibliography|research output|selected works|preprints)\\b.*"
                    + "|.*(?:논문|연구\\s*실적|연구\\s*성과|발표\\s*실적|저서).*");
    private static final Pattern DIRECTORY_TEXT = Pattern.compile(
            "(?i).*\\b(?:faculty|people|professors|directory|our team|academic staff|staff directory|members)\\b.*"
                    + "|.*(?:교수진|교수\\s*소개|교원|구성원|교수님|전임교수|교수\\s*목록).*");
    private static final Pattern PUBLICATIONS_URL = Pattern.compile(
            "(?i).*(?:/publications?\\b|/papers?\\b|/pubs?\\b|/bibliography\\b|scholar\\.google\\.[a-z.]+/citations|dblp\\.org/(?:pid|pers)).*");
    private static final Pattern NEXT_URL = Pattern.compile(
            "(?i).*(?:[?&](?:page|pg|pageno|paged|start|offset)=\\d+|/page[-/_]?\\d+(?:\\.html?)?/?$|[-_]p(?:age)?[-_]?\\d+\\.html?$).*");
    private static final Pattern DIRECTORY_SEGMENT = Pattern.compile(
            "(?i)^(?:faculty|people|person|persons|professors?|directory|staff|members|team|profiles?|researchers|~)$");
    private static final Pattern INDEX_FILE = Pattern.compile("(?i)^(?:index|default|list|all)(?:\\.\\w+)?$");
    private static final Pattern DIRECTORY_FILE = Pattern.compile(
            "(?i)^(?:faculty|people|professors?|directory|staff|members|team)(?:[-_]\\w+)?(?:\\.\\w+)?$");
    private static final Pattern FACULTY_WORD = Pattern.compile("(?i)\\b(?:faculty|professors?|academic staff)\\b|교수|교원");
    private static final Pattern NOT_FACULTY_ROSTER = Pattern.compile(
            "(?i)\\b(?:students?|staff directory|administrative|alumni|visitors?|candidates?|postdocs?|news|events?)\\b"
                    + "|학생|직원|행정|동문|조교");
    private static final Pattern FILE_EXT = Pattern.compile("(?i).*\\.(?:pdf|docx?|pptx?|xlsx?|zip|gz|jpe?g|png|gif|svg|mp4|ics|bib)$");

    /**
     * Links on a department page that lead to its faculty directory, best first. When some directory
     * link names faculty or professors explicitly, only those are kept: "People" menus also list
     * student and staff rosters, which are not the way to professors.
     */
    public List<String> facultyDirectoryLinks(Document doc) {
        Set<String> explicit = new LinkedHashSet<>();
        Set<String> generic = new LinkedHashSet<>();
        for (Element a : doc.select(Css.LINKS)) {
            String text = Text.clean(PageIndex.textOf(a));
            String url = Layout.absHref(a);
            // Menu items are short; a sentence mentioning faculty is a news teaser.
            if (text.split(" ").length > 6 || classify(text, url) != LinkKind.DIRECTORY
                    || NOT_FACULTY_ROSTER.matcher(text).find()) {
                continue;
            }
            (FACULTY_WORD.matcher(text).find() ? explicit : generic).add(url);
        }
        return List.copyOf(explicit.isEmpty() ? generic : explicit);
    }

    public LinkKind classify(String anchorText, String absoluteUrl) {
        String text = Text.clean(anchorText);
        String url = absoluteUrl == null ? "" : absoluteUrl.trim();
        String lowerUrl = url.toLowerCase(Locale.ROOT);
        if (lowerUrl.startsWith("mailto:") || lowerUrl.startsWith("tel:") || lowerUrl.startsWith("javascript:")
                || lowerUrl.contains("doi.org/")) {
            return LinkKind.OTHER;
        }
        String path = path(url);
        if (FILE_EXT.matcher(path).matches()) {
            return LinkKind.OTHER; // documents are not crawled for HTML records
        }
        if (NEXT_TEXT.matcher(text).matches() || (text.matches("\\d{1,4}") && NEXT_URL.matcher(url).matches())) {
            return LinkKind.NEXT_PAGE;
        }
        if (PREV_TEXT.matcher(text).matches()) {
            return LinkKind.OTHER; // earlier pages were already reached from the first one
        }
        if (PROFILE_TEXT.matcher(text).matches()) {
            return LinkKind.PROFILE;
        }
        if (PUBLICATIONS_TEXT.matcher(text).matches()) {
            return LinkKind.PUBLICATIONS;
        }
        if (DIRECTORY_TEXT.matcher(text).matches()) {
            return LinkKind.DIRECTORY;
        }
        if (PUBLICATIONS_URL.matcher(lowerUrl).matches()) {
            return LinkKind.PUBLICATIONS;
        }
        if (NEXT_URL.matcher(url).matches()) {
            return LinkKind.NEXT_PAGE; // "/faculty/page/2/", "?page=3": checked before "/faculty/<slug>" looks like a profile
        }
        LinkKind byPath = byPath(path);
        if (byPath != LinkKind.OTHER) {
            return byPath;
        }
        if (PersonNames.extract(text) != null) {
            return LinkKind.PROFILE; // the anchor text is somebody's name
        }
        return LinkKind.OTHER;
    }

    /** ".../people/jane-doe.html" is a profile; ".../people/" or ".../faculty.html" is a directory. */
    private static LinkKind byPath(String path) {
        String[] segs = path.replaceAll("^/+", "").split("/");
        if (path.matches("(?i).*/~[^/]+/?.*")) {
            return LinkKind.PROFILE;
        }
        if (path.matches("(?i).*/(?:profile|person|user)\\.\\w+$") || path.matches("(?i).*/profiles?/[^/]+.*")) {
            return LinkKind.PROFILE;
        }
        for (int i = 0; i < segs.length; i++) {
            if (!DIRECTORY_SEGMENT.matcher(segs[i]).matches()) {
                continue;
            }
            boolean trailing = i == segs.length - 1 || (i == segs.length - 2 && (segs[i + 1].isEmpty()
                    || INDEX_FILE.matcher(segs[i + 1]).matches()));
            if (trailing) {
                return LinkKind.DIRECTORY;
            }
            String next = segs[i + 1];
            if (NEXT_URL.matcher("/" + next).matches()) {
                return LinkKind.NEXT_PAGE;
            }
            if (!next.isEmpty() && !DIRECTORY_SEGMENT.matcher(next).matches()) {
                return LinkKind.PROFILE; // a slug under a people-like folder
            }
        }
        String last = segs.length == 0 ? "" : segs[segs.length - 1];
        if (DIRECTORY_FILE.matcher(last).matches()) {
            return LinkKind.DIRECTORY;
        }
        return LinkKind.OTHER;
    }

    private static String path(String url) {
        try {
            String p = URI.create(url.replace(" ", "%20")).getPath();
            return p == null ? "" : p;
        } catch (IllegalArgumentException e) {
            int q = url.indexOf('?');
            return q >= 0 ? url.substring(0, q) : url;
        }
    }
}
