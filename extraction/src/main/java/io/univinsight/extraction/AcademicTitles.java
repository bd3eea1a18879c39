package io.univinsight.extraction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a short line names an academic rank, a non-faculty role, or neither.
 * Only ranks may become a {@link ExtractedProfessor#title()}; staff, students and postdocs are recognised
 * explicitly so that a directory card for them is rejected rather than guessed at.
 */
public final class AcademicTitles {
    enum Kind { RANK, EXCLUDED }

    /** @param text the rank phrase as it should be stored (English words title-cased), or the excluded role */
    record Role(Kind kind, String text) {
    }

    private static final String MODIFIER =
            "(?:distinguished|university|full|associate|assistant|adjunct|research|visiting|teaching|clinical|collegiate|"
                    + "honorary|affiliate|emeritus|emerita|endowed|chair|tenured)";
    private static final Pattern RANK_EN = Pattern.compile(
            "(?i)\\b((?:" + MODIFIER + "\\s+)*professor(?:\\s+(?:emeritus|emerita))?"
                    + "|(?:senior\\s+|principal\\s+|university\\s+)?lecturer"
                    + "|(?:senior\\s+|clinical\\s+)?instructor"
                    + "|emerit(?:us|a|i|ae))\\b");
    // Abbreviations are expanded so merges across pages agree on one spelling.
    private static final Pattern ASSOC_ABBR = Pattern.compile("(?i)\\bassoc(?:iate)?\\.?\\s*prof\\.?(?=\\s|$|,)");
    private static final Pattern ASST_ABBR = Pattern.compile("(?i)\\bass(?:is)?t\\.?\\s*prof\\.?(?=\\s|$|,)");
    // "Reader" is a UK rank but also an ordinary word, so only accept it leading the line.
    private static final Pattern READER = Pattern.compile("(?i)^(?:senior\\s+)?reader\\b");
    // Longest Korean ranks first; "교수진"/"교수실" are "faculty"/"office", not a rank.
    private static final Pattern RANK_KO = Pattern.compile(
            "(명예교수|석좌교수|겸임교수|초빙교수|객원교수|연구교수|특임교수|기금교수|산학협력중점교수|강의전담교수|강의교수|정교수|부교수|조교수"
                    + "|전임강사|시간강사|교수|강사)(?![진실회])");
    // Words one of which every RANK_* pattern (resp. EXCLUDED) needs, lower case: plain scans that let
    // most lines skip the regexes.
    private static final String[] RANK_HINT_WORDS = {"prof", "lectur", "instruct", "reader", "emerit", "교수", "강사"};
    // After Text.clean() the only whitespace is a single space, so "research\\s+..." needs "research ".
    private static final String[] EXCLUDED_WORDS = {"student", "candidate", "post", "research ", "researcher", "teaching ",
            "administr", "secretary", "coordinator", "manager", "officer", "receptionist", "technician", "staff", "assistant",
            "alumn", "undergraduate", "intern", "visiting ", "coach", "trainer", "librarian", "counsel", "specialist", "analyst",
            "accountant", "advis", "박사", "석사", "통합과정", "대학원생", "학부생", "학생", "연구원", "행정",
            "직원", "조교", "사무"};
    private static final Pattern EXCLUDED = Pattern.compile(
            // The lookahead (every alternative's first letter) only spares the other branches at most positions.
            "(?i)(?=[pscrtamouivhl박석통대학연행직조사])(\\b(?:ph\\.?\\s?d\\.?\\s+)?(?:student|candidate)s?\\b|\\bpost-?docs?\\b|\\bpost-?doctoral\\b"
                    + "|\\bresearch\\s+(?:assistant|associate|fellow|scientist|engineer|staff)\\b"
                    + "|\\bteaching\\s+assistant\\b|\\badministrative\\b|\\badministrator\\b|\\bsecretary\\b"
                    + "|\\bcoordinator\\b|\\bmanager\\b|\\bofficer\\b|\\breceptionist\\b|\\btechnician\\b"
                    + "|\\bstaff\\b|\\bassistant\\s+to\\b|\\balumn(?:us|a|i)\\b|\\bundergraduate\\b|\\bintern\\b"
                    + "|\\bvisiting\\s+(?:scholar|researcher|student)\\b|\\bresearcher\\b"
                    + "|\\b(?:head\\s+|assistant\\s+)?coach(?:es)?\\b|\\btrainers?\\b|\\blibrarians?\\b|\\bcounsel(?:l)?ors?\\b"
                    + "|\\bspecialists?\\b|\\banalysts?\\b|\\baccountants?\\b|\\b(?:academic\\s+|student\\s+)advis(?:o|e)rs?\\b"
                    + "|박사과정|석사과정|석박사|통합과정|대학원생|학부생|학생|박사후|연구원|행정실|행정직|행정원|행정팀|직원|조교(?!수)"
                    + "|사무실|사무원|사무직|사무국)");

    private static final Pattern FACULTY_TITLE = Pattern.compile(
            "(?i)^(?:(?:visiting|adjunct|affiliated?|emerit(?:us|a)|clinical|teaching|research|part-time|full-time|guest"
                    + "|courtesy|associated|core|senior)\\s+){1,2}faculty$");
    // "Find faculty by research area", "Search faculty": a heading about faculty, not over them.
    private static final Pattern FACULTY_HEADING = Pattern.compile(
            "(?i)^(?!.*\\b(?:find|search|browse|view|contact|join|open|position|positions|hiring|news)\\b)"
                    + "(?:[\\p{L}'-]+\\s+){0,2}faculty(?:\\s+members?)?(?:\\s+(?:from|in|of|at)\\s+.*)?$");

    private static final Role NONE = new Role(Kind.EXCLUDED, "");
    private static final int MEMO_LIMIT = 2_000; // per crawler worker thread: about a page's distinct lines
    private static final int MEMO_MAX_LINE = 200;
    private static final ThreadLocal<Map<String, Role>> CLASSIFIED = ThreadLocal.withInitial(HashMap::new);

    private AcademicTitles() {
    }

    /**
     * The normalised rank of a title as shown ("Adjunct Associate Professor" gives {@code adjunct},
     * "부교수" gives {@code associate_professor}), using the shared corpus vocabulary: professor,
     * associate_professor, assistant_professor, lecturer, instructor, emeritus, adjunct, research,
     * visiting, teaching, postdoc, student, staff; {@code null} for a blank or unrecognised title.
     * The appointment kind (emeritus, adjunct, visiting, research, teaching) wins over the grade,
     * because that is what tells a reader whether the person holds a regular post.
     */
    public static String rankOf(String title) {
        return RankNames.of(title);
    }

    /** True for the ranks that make someone faculty (every rank except postdoc, student, staff). */
    public static boolean isFacultyRank(String rank) {
        return rank != null && !rank.equals("postdoc") && !rank.equals("student") && !rank.equals("staff")
                && !rank.equals("other");
    }

    /** Rank or excluded role mentioned in a line, whichever comes first; {@code null} when neither. */
    static Role classify(String line) {
        // Directory blocks nest, so one line is asked about once per enclosing block: answers are remembered
        // per thread (a bounded map, emptied when full; the answer depends on the line alone).
        if (line.length() > MEMO_MAX_LINE) {
            return classifyUncached(line);
        }
        Map<String, Role> memo = CLASSIFIED.get();
        Role known = memo.get(line);
        if (known != null) {
            return known == NONE ? null : known;
        }
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        Role role = classifyUncached(line);
        memo.put(line, role == null ? NONE : role);
        return role;
    }

    private static Role classifyUncached(String line) {
        String text = Text.clean(line);
        if (text.length() > 120) {
            // Long text is prose, unless it starts with the rank: "Professor and associate director of ..."
            Role head = classify(text.substring(0, 60));
            return head != null && head.kind() == Kind.RANK && text.toLowerCase(Locale.ROOT).indexOf(
                    head.text().toLowerCase(Locale.ROOT)) < 40 ? head : null;
        }
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= 40 && text.regionMatches(true, text.length() - 7, "faculty", 0, 7)
                && FACULTY_TITLE.matcher(text).matches()) {
            return new Role(Kind.RANK, titleCase(text)); // "Visiting Faculty", "Adjunct Faculty" on a card
        }
        int rankAt = Integer.MAX_VALUE;
        String rank = null;
        Matcher m;
        String lower = text.toLowerCase(Locale.ROOT);
        RankVocabulary.Match other = RankVocabulary.find(text); // the languages kept as data files
        if (!containsAny(lower, RANK_HINT_WORDS)) {
            // Cheap pre-check: most lines on a page mention no English or Korean rank at all.
            Matcher ex = containsAny(lower, EXCLUDED_WORDS) ? EXCLUDED.matcher(text) : null;
            if (ex != null && ex.find() && (other == null || ex.start() <= other.start())) {
                return new Role(Kind.EXCLUDED, text);
            }
            return other == null ? null : role(other, text);
        }
        if ((m = ASSOC_ABBR.matcher(text)).find() && m.start() < rankAt) {
            rankAt = m.start();
            rank = "Associate Professor";
        }
        if ((m = ASST_ABBR.matcher(text)).find() && m.start() < rankAt) {
            rankAt = m.start();
            rank = "Assistant Professor";
        }
        if ((m = RANK_EN.matcher(text)).find() && m.start() < rankAt) {
            rankAt = m.start();
            rank = titleCase(m.group(1));
        }
        if ((m = READER.matcher(text)).find() && m.start() < rankAt) {
            rankAt = m.start();
            rank = titleCase(m.group());
        }
        if ((m = RANK_KO.matcher(text)).find() && m.start() < rankAt) {
            rankAt = m.start();
            rank = m.group(1);
        }
        Matcher ex = EXCLUDED.matcher(text);
        boolean excluded = ex.find();
        // At the same place the longer phrase wins: "Professor im Ruhestand" over "Professor".
        boolean otherFirst = other != null && (other.start() < rankAt
                || (other.start() == rankAt && rank != null && other.text().length() > rank.length()));
        if (otherFirst && (!excluded || other.start() < ex.start())) {
            return role(other, text);
        }
        if (excluded && ex.start() < rankAt) {
            return new Role(Kind.EXCLUDED, text);
        }
        return rank == null ? null : new Role(Kind.RANK, rank);
    }

    private static Role role(RankVocabulary.Match m, String line) {
        return m.use() == RankVocabulary.Use.EXCLUDE ? new Role(Kind.EXCLUDED, line) : new Role(Kind.RANK, m.text());
    }

    private static boolean containsAny(String lower, String[] words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PLURAL_ROLE = Pattern.compile(
            "(?i)\\b(professor|lecturer|instructor|reader|student|postdoc|fellow|researcher|assistant|associate|candidate)s\\b");
    private static final Pattern ADVISING = Pattern.compile("(?i)^(?:academic\\s+)?advis(?:ors?|ers?|ing)$");
    private static final Pattern FACULTY_WORD = Pattern.compile("(?i)\\bfaculty\\b|교수진|교원");

    /**
     * The role a section heading gives the people under it: "Associate Professors" gives the rank
     * "Associate Professor", "Adjunct Faculty" the rank "Adjunct Faculty", "Staff" or "PhD Students" an
     * excluded role. Mixed headings ("Faculty and Staff") and long ones give nothing.
     */
    static Role sectionRole(String heading) {
        String h = Text.clean(heading);
        if (h.isEmpty() || h.split(" ").length > 5) {
            return null;
        }
        if (ADVISING.matcher(h).find()) {
            return new Role(Kind.EXCLUDED, h); // academic advisors are staff, though the word is no title on a card
        }
        String singular = PLURAL_ROLE.matcher(h).replaceAll("$1");
        Role role = classify(singular);
        if (role != null && role.kind() == Kind.EXCLUDED) {
            return FACULTY_WORD.matcher(h).find() ? null : role;
        }
        if (role != null) {
            return role;
        }
        // "Adjunct Faculty", "Emeritus Faculty", "Affiliate faculty": a faculty group, of whatever rank it names.
        return namesAFacultyGroup(h) ? new Role(Kind.RANK, titleCase(singular)) : null;
    }

    private static boolean namesAFacultyGroup(String heading) {
        if (FACULTY_HEADING.matcher(heading).matches()) {
            return true;
        }
        boolean englishWord = heading.toLowerCase(Locale.ROOT).contains("faculty");
        return !englishWord && FACULTY_WORD.matcher(heading).find(); // 교수진, 교원
    }

    /** "Adjunct Faculty", "Affiliate faculty": a group of faculty named by its appointment, not just "Faculty". */
    static boolean isFacultyGroup(String text) {
        return FACULTY_TITLE.matcher(Text.clean(text)).matches();
    }

    /** The rank in the line, or {@code null} when there is none or the line is a non-faculty role. */
    static String rank(String line) {
        Role role = classify(line);
        return role != null && role.kind() == Kind.RANK ? role.text() : null;
    }

    private static String titleCase(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (String word : Text.clean(phrase).split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
