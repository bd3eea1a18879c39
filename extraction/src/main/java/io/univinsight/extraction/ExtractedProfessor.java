package io.univinsight.extraction;

import java.util.Locale;

/**
 * One professor as extraction sees it on one page (or merged from several): the extraction layer's
 * type; the crawler sends it on as {@code CrawlResult.Professor}, persistence stores it as a row.
 *
 * @param title      an academic rank only ("Associate Professor", "부교수"); never staff/student roles
 * @param email      lower-cased, or {@code null}
 * @param profileUrl absolute URL, or {@code null}
 * @param confidence 0..1, how sure the extractor is that this is a professor with these fields
 * @param extractor  name of the extractor(s) that produced it ("directory", "json-ld+profile")
 * @param evidence   short CSS-ish path or snippet locating the source on the page
 * @param emailImageUrl absolute URL of a picture of the address, when the record shows its email only as an
 *                   image (for the crawler to read by OCR); {@code null} when there is a text email or no such image
 */
public record ExtractedProfessor(String name, String title, String email, String department,
                                 String profileUrl, double confidence, String extractor, String evidence,
                                 String emailImageUrl) {
    /** A record without an email image. */
    public ExtractedProfessor(String name, String title, String email, String department, String profileUrl,
                              double confidence, String extractor, String evidence) {
        this(name, title, email, department, profileUrl, confidence, extractor, evidence, null);
    }

    public ExtractedProfessor {
        // Normalised here so every producer (and every merge) agrees on the email key.
        email = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        emailImageUrl = email != null || emailImageUrl == null || emailImageUrl.isBlank() ? null : emailImageUrl;
        confidence = Math.round(Math.max(0.0, Math.min(1.0, confidence)) * 100) / 100.0; // 2 decimals
    }
}
