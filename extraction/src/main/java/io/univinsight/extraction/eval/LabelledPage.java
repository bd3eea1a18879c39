package io.univinsight.extraction.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One corpus page and what a careful reader found on it ({@code NAME.expected.json}).
 *
 * @param written true for pages we wrote ourselves, false for real saved pages; reports keep them apart
 */
public record LabelledPage(String source, Path file, boolean written, String kind, String department,
                           List<Person> people, List<Paper> papers, List<String> facultyLinks) {

    /** @param emailForm mailto, text, obfuscated_text, image or none */
    public record Person(String name, String title, String rank, boolean faculty, String email, String emailForm,
                         String profileUrl) {
    }

    public record Paper(String title, List<String> authors, Integer year, String venue, String doi) {
    }
}
