package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Each guarded pattern of the extractors finds and matches what its bare pattern does: its words miss no match. */
class GuardedPatternTests {
    private static final List<GuardedPattern> GUARDED = List.of(PublicationsExtractor.PUB_HEADING, SectionHeadings.FORMER_MEMBERS,
            Outline.HEADING_CLASS, PersonBlocks.NOT_PERSON_CLASS, Emails.AT_IMAGE_ALT, Emails.AT_IMAGE_SRC);
    /** Every alternative of the patterns, spelled as they accept it, then separators and others. */
    private static final String[] PIECES = {"publication", "publications", "papers", "bibliography", "preprints", "selected works",
            "journal articles", "conference papers", "articles", "books", "book chapters", "research output", "publikationen",
            "veröffentlichungen", "schriften", "publicaciones", "pubblicazioni", "articoli", "travaux", "production scientifique",
            "productions scientifiques", "논문", "연구 실적", "연구성과", "발표", "저서", "论文", "論文", "发表", "發表", "著作", "成果",
            "業績", "业绩", "研究業績", "出版物", "alumni", "alumnae", "alumnus", "alumna", "former", "past members", "past  students",
            "past postdoc", "past visitors", "ehemalige", "ancien", "anciennes", "antiguos", "ex-membres", "exmembres", "ex membri",
            "졸업생", "동문", "校友", "毕业生", "畢業生", "卒業生", "OB・OG", "ob・og", "歴代", "heading", "header", "section-title",
            "sectiontitle", "section_title", "dept", "department", "org", "site", "course", "unit", "lab", "group", "school",
            "univ", "program", "file", "user", "@", "＠", "[at]", "(at)", "at", "arobase", "at-sign", "at sign", "atsign", "atmark",
            "at_symbol", "at-symbol", "골뱅이", "/", "/img/at", ".png", ".gif", ".jpeg", ".jpg", ".svg", "?v=2",
            " ", " ", "-", "_", "\n", "\u2028", ".", "x", "S", "2024", "é", "pub", "past"};

    @Test
    void writtenTextsReadAsByTheBarePatterns() {
        int matched = 0;
        for (String text : new String[] {"Selected Publications", "Journal Articles (2020-)", "연구실적", "研究業績", "Alumni", "Past Members",
                "Ehemalige Mitarbeiter", "OB・OG", "section-heading", "page-header", "section_title", "person-title",
                "dept-name", "person-name", "Faculty", "", "Jane Doe", "[at]", "＠", "AT-SIGN", "/images/at.gif", "arobase.PNG?v=1",
                "/img/rafael-achterberg-0.jpg"}) {
            matched += assertSame(text);
        }
        assertTrue(matched >= 15, "matches among the written texts: " + matched);
    }

    @Test
    void randomTextsReadAsByTheBarePatterns() {
        Random random = new Random(11);
        int matched = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(5); k > 0; k--) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                text.append(switch (random.nextInt(3)) {
                    case 0 -> piece.toUpperCase(Locale.ROOT);
                    case 1 -> piece.isEmpty() ? piece : piece.substring(0, 1).toUpperCase(Locale.ROOT) + piece.substring(1);
                    default -> piece;
                });
            }
            matched += assertSame(text.toString());
        }
        assertTrue(matched > 10_000, "matches among the random texts: " + matched);
    }

    /** How many of the find() and matches() of the patterns held. */
    private static int assertSame(String text) {
        int matched = 0;
        for (GuardedPattern guarded : GUARDED) {
            boolean find = guarded.pattern().matcher(text).find();
            boolean matches = guarded.pattern().matcher(text).matches();
            assertEquals(find, guarded.find(text), () -> "find <" + text + "> " + guarded.pattern());
            assertEquals(matches, guarded.matches(text), () -> "matches <" + text + "> " + guarded.pattern());
            matched += (find ? 1 : 0) + (matches ? 1 : 0);
        }
        return matched;
    }
}
