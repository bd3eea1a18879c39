package io.univinsight.extraction.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One corpus page and what a careful reader found on it ({@code NAME.expected.json}).
 *
 * @param written  true for pages we wrote ourselves, false for real saved pages; reports keep them apart
 * @param language ISO 639-1 code from the folder's {@code LANG.tsv} (or the label's "language"), "und" when unknown
 */
public record LabelledPage(String source, Path file, boolean written, String kind, String department,
                           String language, List<Person> people, List<Paper> papers, List<String> facultyLinks) {

    /** The site a page was saved from: the part of its name before "__" (pages of one site share it). */
    public String site() {
        String name = file.getFileName().toString();
        int cut = name.indexOf("__");
        return cut > 0 ? name.substring(0, cut) : name;
    }

    /** @param emailForm mailto, text, obfuscated_text, image or none */
    public record Person(String name, String title, String rank, boolean faculty, String email, String emailForm,
                         String profileUrl) {
    }

    public record Paper(String title, List<String> authors, Integer year, String venue, String doi) {
    }
}
