package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BibTexTests {

    @Test
    void readsBracedQuotedAndBareValuesWithLatexRemoved() {
        String text = """
                @inproceedings{Doe21,
                  title = {Learning {3D} Shapes from {\\"O}ne View},
                  author = {Doe, Jane and Roe, R. and others},
                  booktitle = "Computer Vision and Pattern Recognition (CVPR)",
                  year = 2021,
                  doi = {10.1109/CVPR.2021.00123},
                }""";
        assertTrue(BibTex.mayHold(text));
        List<BibTex.Entry> entries = BibTex.entries(text);
        assertEquals(1, entries.size());
        ExtractedPaper p = BibTex.toPaper(entries.get(0), "publications", "pre", null);
        assertEquals("Learning 3D Shapes from One View", p.title());
        assertEquals(List.of("Doe, Jane", "Roe, R."), p.authors());
        assertEquals(2021, p.year());
        assertEquals("Computer Vision and Pattern Recognition (CVPR)", p.venue());
        assertEquals("10.1109/cvpr.2021.00123", p.doi().toLowerCase());
    }

    @Test
    void severalEntriesInOneBlock() {
        String text = "@article{a, title={First}, year={2020}}\n@misc{b, title={Second Paper}, year={2019}}";
        assertEquals(List.of("First", "Second Paper"), BibTex.entries(text).stream().map(e -> e.get("title")).toList());
    }

    @Test
    void anEmailIsNoEntry() {
        assertTrue(!BibTex.mayHold("write to jane@example.edu = welcome"));
    }
}
