package io.univinsight.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps a title as shown to the corpus rank vocabulary. Kept apart from {@link AcademicTitles} (which
 * decides whether a line is a title at all) because the order of the rules here is a policy: the kind
 * of appointment first, then the grade, then non-faculty roles.
 */
final class RankNames {
    private record Rule(Pattern pattern, String rank) {
    }

    private static final List<Rule> RULES = List.of(
            rule("명예\\s*교수|\\bemerit(?:us|a|i)\\b|\\bretired\\s+professor", "emeritus"),
            rule("겸임\\s*교수|\\badjunct\\b", "adjunct"),
            rule("초빙\\s*교수|객원\\s*교수|특임\\s*교수|\\bvisiting\\s+(?:\\w+\\s+)?professor|\\bguest\\s+professor|\\b(?:visiting|guest)\\s+faculty",
                    "visiting"),
            rule("연구\\s*교수|\\bresearch\\s+(?:\\w+\\s+)?professor", "research"),
            rule("강의\\s*(?:전담\\s*)?교수|\\bprofessor\\s+of\\s+(?:the\\s+)?practice|\\bprofessor\\s+of\\s+teaching"
                    + "|(?<!distinguished\\s)\\bteaching\\s+(?:\\w+\\s+)?professor|\\bclinical\\s+(?:\\w+\\s+)?professor|\\bcollegiate\\s+(?:\\w+\\s+)?professor", "teaching"),
            // A UK Reader holds the grade between Senior Lecturer and Professor: an associate professor elsewhere.
            rule("부\\s*교수|\\bassoc(?:iate|\\.)?\\s*prof|^(?:senior\\s+)?reader\\b", "associate_professor"),
            rule("조\\s*교수|\\bass(?:istan|is)?t\\.?\\s*prof", "assistant_professor"),
            rule("\\bpost-?doc|\\bpost-?doctoral|박사후", "postdoc"),
            rule("교수|\\bprof(?:essor|\\.)?\\b|\\bchair\\s+professor", "professor"),
            rule("강사|\\blecturer\\b", "lecturer"),
            rule("\\binstructor\\b", "instructor"),
            rule("\\bstudent\\b|\\bcandidate\\b|\\bundergraduate\\b|학생|과정", "student"));

    private static final Pattern FACULTY = Pattern.compile("\\bfaculty\\b|교수진|교원");
    private static final String NONE = new String("");
    private static final int MEMO_LIMIT = 500;
    private static final int MEMO_MAX_TITLE = 200;
    private static final ThreadLocal<Map<String, String>> MEMO = ThreadLocal.withInitial(HashMap::new);

    private RankNames() {
    }

    private static Rule rule(String regex, String rank) {
        return new Rule(Pattern.compile("(?iu)" + regex), rank);
    }

    static String of(String title) {
        // Every record asks about its title, and a page's records share a few: answers are remembered per thread
        // (a bounded map, emptied when full; the answer depends on the title alone).
        if (title == null || title.length() > MEMO_MAX_TITLE) {
            return ofUncached(title);
        }
        Map<String, String> memo = MEMO.get();
        String known = memo.get(title);
        if (known != null) {
            return known == NONE ? null : known;
        }
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        String rank = ofUncached(title);
        memo.put(title, rank == null ? NONE : rank);
        return rank;
    }

    private static String ofUncached(String title) {
        String t = Text.clean(title).toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        // The data-file languages first: "apl. Prof." is adjunct, though "Prof." alone would read as professor.
        RankVocabulary.Match other = RankVocabulary.find(title);
        if (other != null) {
            return other.rank();
        }
        for (Rule r : RULES) {
            if (r.pattern().matcher(t).find()) {
                return r.rank();
            }
        }
        if (FACULTY.matcher(t).find()) {
            return "other"; // "Affiliate Faculty": faculty, of no rank the vocabulary names
        }
        AcademicTitles.Role role = AcademicTitles.classify(title);
        return role != null && role.kind() == AcademicTitles.Kind.EXCLUDED ? "staff" : null;
    }
}
