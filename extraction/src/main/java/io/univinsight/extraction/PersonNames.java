package io.univinsight.extraction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises text that is just a person's name (English-style or Hangul) and cleans it
 * (honorifics, degrees and trailing ranks removed). Deliberately strict: a false "name" turns a
 * navigation link or paper title into a fake professor, a missed name only costs recall.
 */
final class PersonNames {
    private static final Pattern PREFIX = Pattern.compile(
            // Compound German, Italian, Spanish and French honorifics first ("Prof. em.", "Dr.-Ing.", "Dott.ssa"),
            // so that "Prof." alone does not leave "em." in front of the name.
            "(?i)^(?:dr\\.?\\s*-?\\s*ing|dr\\.?\\s*rer\\.?\\s*nat|dr\\.?\\s*phil|dr\\.?\\s*habil|jun\\.?\\s*-?\\s*prof"
                    + "|apl\\.?\\s*prof|univ\\.?\\s*-?\\s*prof|hon\\.?\\s*-?\\s*prof|priv\\.?\\s*-?\\s*doz|prof\\.?\\s*em"
                    + "|dipl\\.?\\s*-?\\s*ing|prof\\.?\\s*ssa|dott\\.?(?:\\s*ssa)?|assoc\\.?\\s*prof|asst\\.?\\s*prof"
                    + "|dr|prof|professor|mr|mrs|ms|mx|pd|ing|sr|sra|dra|dña|mme|mlle)\\.?\\s+");
    private static final Pattern KOREAN = Pattern.compile(
            "^([가-힣]{1,2})\\s?([가-힣]{1,3})(?:\\s*(?:교수님?|부교수|조교수|명예교수|석좌교수|겸임교수|초빙교수|연구교수|강사|박사))?$");
    // Digits, markup-ish and citation punctuation never occur in a bare name.
    private static final Pattern FORBIDDEN = Pattern.compile("[\\d@/|:;()\\[\\]{}<>=+*#_\"“”]");
    private static final Pattern PARENTHETICAL = Pattern.compile("^([^()]+?)\\s*[(（][^()（）]*[)）]$");
    private static final Pattern NICKNAME = Pattern.compile("\\s+\\(\\p{Lu}[\\p{L}'’.-]{1,15}\\)\\s+");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[.,;]+$");
    private static final String TRAILING_PUNCT_CHARS = ".,;";
    private static final Pattern EN_TOKEN = Pattern.compile("^\\p{Lu}[\\p{L}'’.-]*$");
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la", "le", "ten", "ter",
            "bin", "binti", "al", "el", "y");
    // Words that make a capitalised phrase a heading, place or topic rather than a name.
    private static final Set<String> STOP = Set.of(
            "department", "dept", "academic", "academics", "university", "institute", "school", "college", "faculty", "staff", "people",
            "directory", "professor", "professors", "lecturer", "emeritus", "adjunct", "research", "visiting",
            "teaching", "associate", "assistant", "instructor", "reader", "student", "students", "phd", "postdoc",
            "office", "contact", "home", "about", "news", "events", "science", "sciences", "engineering",
            "computer", "computing", "physics", "mathematics", "chemistry", "biology", "technology",
            "building", "room", "lab", "laboratory", "center", "centre", "program", "programs", "admissions",
            "alumni", "campus", "library", "publications", "papers", "selected", "next", "previous",
            "view", "profile", "email", "phone", "fax", "website", "homepage", "course", "courses", "map",
            "search", "menu", "login", "intranet", "careers", "calendar", "seminar", "seminars", "colloquium",
            "chair", "dean", "director", "fellow", "award", "prize", "group", "team", "members", "member",
            "graduate", "undergraduate", "overview", "welcome", "the", "and", "of", "for", "in", "at", "on",
            "with", "to", "our", "your", "us", "copyright", "rights", "reserved", "privacy", "policy", "terms",
            "interests", "education", "informatik", "mathematik", "physik", "chemie", "institut", "lehrstuhl",
            "fakultät", "fachbereich", "universität", "departamento", "dipartimento", "facultad", "università", "université",
            "laboratoire", "département", "affiliated", "affiliate", "philosophy", "history", "item", "bio", "biography", "cv", "vitae", "curriculum", "skip", "content",
            "main", "top", "share", "print", "download", "learn", "apply", "give", "visit",
            "journal", "proceedings", "conference", "symposium", "workshop", "review", "letters", "transactions",
            "systems", "networks", "learning", "data", "theory", "quantum", "optics", "society", "association",
            "national", "international", "annual", "january", "february", "march", "july",
            "september", "october", "november", "december", "autumn", "monday", "tuesday", "wednesday", "thursday", "friday", "street", "road", "avenue");
    // Hangul words that start with a common surname syllable but are labels, not names.
    private static final Pattern KOREAN_STOP = Pattern.compile(
            "성명|교수|강사|학과|학부|대학|연구|메일|전화|페이지|주소|위치|정보|소개|분야|과정|직원|행정|사무|공학|과학|센터"
                    + "|논문|실적|목록|안내|공지|소식|홈|검색|로그인|사이트|구성원|전공|학위|경력|이력|수업|강의|조교|위원"
                    + "|연락처|오시는|바로가기|다음|이전|더보기|전체|자세히");
    private static final Set<String> KOREAN_SURNAMES = Set.of(
            "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송",
            "류", "유", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차",
            "주", "우", "구", "민", "진", "나", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여",
            "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표", "명", "기", "반", "왕", "금", "옥", "육",
            "인", "맹", "제", "모", "탁", "국", "어", "은", "편", "용", "예", "경", "봉", "사", "부", "가", "복", "태",
            "목", "형", "피", "두", "감", "음", "빈", "동", "온", "호", "범", "좌", "팽", "승", "간", "상", "시", "갈",
            "황보", "남궁", "제갈", "선우", "독고", "사공", "서문", "동방");

    private static final Pattern HAN_RANK_SUFFIX = Pattern.compile(
            "\\s*(?:副教授|助理教授|讲席教授|講座教授|特聘教授|教授|准教授|助教|讲师|講師|研究员|研究員|副研究员|博士|老师|老師|先生)$");
    // "Jane", "Jane Q.", "J. Robert", "Mary-Ann": capitalised given names and initials, nothing else.
    private static final Pattern GIVEN_NAMES = Pattern.compile(
            "^\\p{Lu}[\\p{Ll}'’]*(?:-\\p{Lu}?[\\p{Ll}'’]+)*\\.?(?:\\s\\p{Lu}[\\p{Ll}'’]*(?:-\\p{Lu}?[\\p{Ll}'’]+)*\\.?){0,2}$");
    private static final Set<String> NOT_GIVEN = Set.of("phd", "md", "jr", "sr", "ii", "iii", "iv", "msc", "ma", "ms", "mba",
            "mph", "dphil", "dr", "prof", "esq", "pe", "rn", "faia", "fieee", "facm");

    private PersonNames() {
    }

    /** The cleaned name if the text is (only) a person's name, otherwise {@code null}. */
    static String extract(String raw) {
        // Nested blocks show the same lines again (a card, then the paragraph inside it): answers are remembered per
        // thread (a bounded map, emptied when full; the answer depends on the text alone).
        if (raw == null || raw.length() > MEMO_MAX_TEXT) {
            return extractUncached(raw);
        }
        if (raw.length() > MAX_NAME_LENGTH && !mayHoldAside(raw) && Text.cleanLongerThan(raw, MAX_NAME_LENGTH)) {
            return null; // too long for a name, and no aside to drop: a citation or a sentence, decided without the memo
        }
        Map<String, String> memo = MEMO.get();
        String known = memo.get(raw);
        if (known != null) {
            return known == NONE ? null : known;
        }
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        String name = extractUncached(raw);
        memo.put(raw, name == null ? NONE : name);
        return name;
    }

    /**
     * Whether the text may hold an aside in parentheses ("Jane Doe (on leave)"), which {@link #extract} drops before it
     * measures the name: without one, a text too long for a name is turned down as it stands.
     */
    static boolean mayHoldAside(String text) {
        return text.indexOf('(') >= 0 || text.indexOf('（') >= 0;
    }

    private static final String NONE = new String("");
    /** The most characters a name may have, once cleaned and any aside in parentheses dropped. */
    static final int MAX_NAME_LENGTH = 60;
    private static final int MEMO_LIMIT = 2_000;
    private static final int MEMO_MAX_TEXT = 200;
    private static final ThreadLocal<Map<String, String>> MEMO = ThreadLocal.withInitial(HashMap::new);

    private static String extractUncached(String raw) {
        String text = Text.clean(raw);
        Matcher aside = PARENTHETICAL.matcher(text);
        if ((text.endsWith(")") || text.endsWith("）")) && aside.matches()) { // the regex needs that last character
            text = aside.group(1); // "홍길동 (Gildong Hong)", "Jane Doe (on leave)"
        } else if (text.indexOf('(') > 0) {
            text = NICKNAME.matcher(text).replaceAll(" ").trim(); // "Xun (Steve) Jian": the name without the nickname
        }
        if (text.isEmpty() || text.length() > MAX_NAME_LENGTH || FORBIDDEN.matcher(text).find()) {
            return null;
        }
        String korean = korean(text);
        if (korean != null) {
            return korean;
        }
        if (HanNames.startsWithHan(text)) {
            return HanNames.extract(stripHanRank(text));
        }
        Matcher prefix;
        while ((prefix = PREFIX.matcher(text)).find()) {
            text = text.substring(prefix.end());
        }
        int comma = text.indexOf(',');
        if (comma >= 0) {
            String reordered = familyNameFirst(text, comma);
            if (reordered != null) {
                return reordered;
            }
            text = text.substring(0, comma).trim(); // "Jane Doe, Ph.D." / "Jane Doe, Professor"
        }
        text = CharRuns.dropTrailing(text, TRAILING_PUNCT_CHARS, TRAILING_PUNCT).trim();
        return english(text);
    }

    /** "陈洪波 教授", "太田 啓之教授": a rank written after a Han name is not part of it. */
    private static String stripHanRank(String text) {
        Matcher m = HAN_RANK_SUFFIX.matcher(text);
        return m.find() ? text.substring(0, m.start()).trim() : text;
    }

    /**
     * Directories sorted by family name write "Doe, Jane" or "Van Buren, Martin": a family name (one or two
     * words) before the comma and given names after it (no degree, rank or suffix), given back as "Jane Doe".
     */
    private static String familyNameFirst(String text, int comma) {
        String family = text.substring(0, comma).trim();
        String given = CharRuns.dropTrailing(text.substring(comma + 1).trim(), TRAILING_PUNCT_CHARS, TRAILING_PUNCT);
        if (family.split(" ").length > 2 || !GIVEN_NAMES.matcher(given).matches()) {
            return null;
        }
        for (String token : given.split(" ")) {
            if (NOT_GIVEN.contains(token.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return null; // "Doe, Ph.D.", "Doe, Jr.", "Doe, MD"
            }
        }
        return english(given + " " + family);
    }

    private static String korean(String text) {
        Matcher m = KOREAN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1) + m.group(2);
        if (name.length() < 2 || name.length() > 4 || KOREAN_STOP.matcher(name).find()) {
            return null;
        }
        boolean knownSurname = KOREAN_SURNAMES.contains(name.substring(0, 1))
                || (name.length() >= 3 && KOREAN_SURNAMES.contains(name.substring(0, 2)));
        return knownSurname ? name : null;
    }

    private static String english(String text) {
        String[] tokens = text.split(" ");
        if (tokens.length < 2 || tokens.length > 5) {
            return null;
        }
        boolean hasLower = false;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            String lower = t.toLowerCase(Locale.ROOT);
            String key = lower.replace(".", "").replace("'", "").replace("’", "");
            boolean plural = key.length() > 4 && key.endsWith("s") && STOP.contains(key.substring(0, key.length() - 1));
            if (STOP.contains(key) || plural) {
                return null;
            }
            if (PARTICLES.contains(lower) && i > 0 && i < tokens.length - 1) {
                continue;
            }
            if (!EN_TOKEN.matcher(t).matches()) {
                return null;
            }
            hasLower |= t.chars().anyMatch(Character::isLowerCase);
        }
        // All-capitals phrases are usually acronyms or shouted headings, not names.
        String last = tokens[tokens.length - 1];
        if (!hasLower || last.length() < 2 || last.endsWith(".")) {
            return null;
        }
        return text;
    }
}
