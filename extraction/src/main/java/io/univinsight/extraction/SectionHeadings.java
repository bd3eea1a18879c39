package io.univinsight.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the headings above a directory block say about the people in it: the rank of a grouped directory
 * ("Associate Professors", "Adjunct faculty", "명예교수"), a non-faculty group ("Staff", "PhD Students"), former
 * members ("Alumni"), or faculty in general ("Faculty"). One per page, over its {@link Outline}.
 */
final class SectionHeadings {
    private static final Pattern FACULTY_CONTEXT = Pattern.compile(
            "(?i)\\b(?:faculty|professors?|academic staff|teaching staff|lecturers)\\b|교수|교원");
    static final GuardedPattern FORMER_MEMBERS = new GuardedPattern(
            "(?i)\\b(?:alumn(?:i|ae|us|a)|former|past\\s+(?:members?|students?|postdocs?|visitors?)|ehemalige|anciens?|anciennes?"
                    + "|antiguos|ex-?membres|ex\\s+membri)\\b|졸업생|동문|校友|毕业生|畢業生|卒業生|OB・OG|歴代",
            "alumn", "former", "past", "ehemalige", "ancien", "antiguos", "membres", "membri",
            "졸업생", "동문", "校友", "毕业生", "畢業生", "卒業生", "ob・og", "歴代");

    private final Outline outline;
    // A page has few headings and many blocks under each: what a heading says is worked out once.
    private final Map<String, Optional<AcademicTitles.Role>> sectionRoles = new HashMap<>();
    private final Map<String, Boolean> formerHeadings = new HashMap<>();
    private final Document doc;

    SectionHeadings(Document doc) {
        this.doc = doc;
        this.outline = Outline.of(doc);
    }

    /** The role the nearest heading with one gives, or null. */
    AcademicTitles.Role role(Element block) {
        List<String> headings = outline.headingsFor(block);
        for (int i = headings.size() - 1; i >= 0; i--) {
            AcademicTitles.Role role = sectionRoles.computeIfAbsent(headings.get(i), SectionHeadings::sectionRole).orElse(null);
            if (role != null) {
                return role;
            }
        }
        return null;
    }

    /**
     * The rank a heading gives bare names under it: a real rank ("Associate Professors") or a named faculty group
     * ("Adjunct faculty"); a heading that only says "Faculty" does not make every name link under it a professor.
     */
    String rank(Element block) {
        AcademicTitles.Role role = role(block);
        if (role == null || role.kind() != AcademicTitles.Kind.RANK) {
            return null;
        }
        return isGeneric(role) ? null : role.text();
    }

    /** Under a heading that says "Faculty" (of no rank): bare names count there only as a list of names. */
    boolean facultyOfNoRank(Element block) {
        AcademicTitles.Role role = role(block);
        return role != null && isGeneric(role);
    }

    /** "Alumni: Jane Doe, Assistant Professor at X": a rank held elsewhere, not here. */
    boolean formerMembers(Element block) {
        for (String heading : outline.headingsFor(block)) {
            if (heading.length() <= 60 && formerHeadings.computeIfAbsent(heading, h -> FORMER_MEMBERS.find(h))) {
                return true;
            }
        }
        return false;
    }

    /** Under a heading (or page title) about faculty alone: "Faculty and Staff" lists both, so proves nothing. */
    boolean aboutFacultyAlone(Element block) {
        for (String heading : outline.headingsFor(block)) {
            if (aboutFacultyAlone(heading)) {
                return true;
            }
        }
        return aboutFacultyAlone(doc.title());
    }

    private static Optional<AcademicTitles.Role> sectionRole(String heading) {
        return Optional.ofNullable(AcademicTitles.sectionRole(heading));
    }

    /** "Faculty", "Our Faculty": a faculty heading that names no rank and no appointment. */
    static boolean isGeneric(AcademicTitles.Role section) {
        return section.kind() == AcademicTitles.Kind.RANK && "other".equals(AcademicTitles.rankOf(section.text()))
                && !AcademicTitles.isFacultyGroup(section.text());
    }

    private static boolean aboutFacultyAlone(String text) {
        if (!FACULTY_CONTEXT.matcher(text).find()) {
            return false;
        }
        AcademicTitles.Role alsoNamed = AcademicTitles.classify(text); // "staff" in "Faculty and Staff"
        return alsoNamed == null || alsoNamed.kind() != AcademicTitles.Kind.EXCLUDED;
    }
}
