package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.univinsight.extraction.bench.BenchPages;

/**
 * PersonBlocks.readNamed turns a block down without working out its lines when its text shows that no line can be a
 * name (oneLineTooLongForName); wherever it does, the lines themselves must hold no name. Held on every element of the
 * corpus pages, the benchmark's pages and random markup.
 */
class PersonBlocksTests {
    private static final String[] PIECES = {"Jane Doe", "Professor", " and Bob Smith, ", "“A study of long titles in lists”", ", in ",
            "<em>", "</em>", "<a href='/x'>", "</a>", "<b>", "</b>", "<span>", "</span>", "<br>", "<p>", "</p>", "<li>", "</li>",
            " (", ")", "（", "）", ":", "：", "Name: ", " 2024.", " ", "\u00a0", "\u3000", "\u200b", "&shy;", "\n",
            "proceedings of the conference on very long names of things", "x"};

    @Test
    void aBlockTurnedDownUnreadHoldsNoNameOnEveryCorpusElement() throws IOException {
        int turnedDown = 0;
        for (Path page : CorpusPages.all()) {
            turnedDown += assertNoNameWhereTurnedDown(Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://example.edu/"));
        }
        for (String kind : List.of("directory", "profile", "written-email")) {
            turnedDown += assertNoNameWhereTurnedDown(Jsoup.parse(BenchPages.extractionBenchPages(kind).get(0)));
        }
        assertTrue(turnedDown > 400, "blocks turned down unread: " + turnedDown);
    }

    @Test
    void aBlockTurnedDownUnreadHoldsNoNameOnRandomMarkup() {
        Random random = new Random(31);
        int turnedDown = 0;
        for (int i = 0; i < 20_000; i++) {
            turnedDown += assertNoNameWhereTurnedDown(Jsoup.parse("<div>" + RandomTexts.of(random, PIECES, 24) + "</div>"));
        }
        assertTrue(turnedDown > 300, "blocks turned down unread: " + turnedDown);
    }

    @Test
    void aLongLineIsReadWhereAnAsideOrALabelMayLeaveAName() {
        String html = "<li>Jane Doe (on leave for the whole of the next academic year, back in the autumn)</li>";
        Element aside = Jsoup.parse(html).selectFirst("li");
        assertFalse(PersonBlocks.oneLineTooLongForName(aside));
        assertEquals("Jane Doe", PersonBlocks.lineName(Text.lines(aside)).value());
        // A label's few characters count towards the line's, not the name's: the name after it may be short enough.
        Element labelled = Jsoup.parse("<li>Full name: Maximilian Alexander Bartholomew Fitzgerald-Worthington</li>").selectFirst("li");
        assertFalse(PersonBlocks.oneLineTooLongForName(labelled));
        assertEquals("Maximilian Alexander Bartholomew Fitzgerald-Worthington", PersonBlocks.lineName(Text.lines(labelled)).value());
        Element citation = Jsoup.parse("<li>Jane Doe and Bob Smith, “A study of long titles in lists,” in <em>Proc. X</em>, 2024.</li>")
                .selectFirst("li");
        assertTrue(PersonBlocks.oneLineTooLongForName(citation));
        assertNull(PersonBlocks.readNamed(citation));
    }

    /** The number of elements of doc turned down unread, each checked to hold no name in its lines. */
    private static int assertNoNameWhereTurnedDown(Document doc) {
        int turnedDown = 0;
        try (PageIndex.Scope shared = PageIndex.sharedFor(doc)) {
            for (Element el : doc.getAllElements()) {
                if (PersonBlocks.oneLineTooLongForName(el)) {
                    turnedDown++;
                    List<String> lines = PageIndex.linesOf(el);
                    assertNull(PersonBlocks.lineName(lines).value(), () -> "lines " + lines + " of " + el.outerHtml());
                }
            }
        }
        return turnedDown;
    }
}
