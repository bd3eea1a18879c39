package io.univinsight.extraction.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.univinsight.extraction.AcademicTitles;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.ExtractedPaper;
import io.univinsight.extraction.ExtractedProfessor;

/**
 * Compares one page's extraction with its labels. Every field is scored as a set of
 * (record, value) claims: a wrong value is both a false positive and a false negative, a value
 * on a record that should not exist is a false positive.
 */
final class PageScorer {
    private static final Set<String> SCORED_EMAIL_FORMS = Set.of("mailto", "text", "obfuscated_text");

    private final LabelledPage page;
    private final String baseUri;
    private final Scoreboard scores = new Scoreboard();
    private final List<String> mistakes = new ArrayList<>();
    private final List<PageOutcome.ScoredRecord> records = new ArrayList<>();

    private PageScorer(LabelledPage page, String baseUri) {
        this.page = page;
        this.baseUri = baseUri;
    }

    /**
     * @param baseUri     the document's base URI, against which the labels' relative hrefs are resolved
     * @param pageUrl     the URL the page was given; a profile URL equal to it is the page itself, not a link
     * @param facultyLinks links the classifier would follow to reach the people directory
     */
    static PageOutcome score(LabelledPage page, ExtractionResult result, String baseUri, String pageUrl,
                             List<String> facultyLinks) {
        PageScorer s = new PageScorer(page, baseUri);
        s.professors(result.professors(), pageUrl);
        s.papers(result.papers());
        s.links(facultyLinks);
        return new PageOutcome(page, s.scores, s.mistakes, s.records, result.accuracyScore());
    }

    private void professors(List<ExtractedProfessor> extracted, String pageUrl) {
        List<LabelledPage.Person> open = new ArrayList<>(page.people());
        Set<LabelledPage.Person> matchedFaculty = new HashSet<>();
        String self = MatchKeys.url(baseUri, pageUrl);
        for (ExtractedProfessor r : extracted) {
            String key = MatchKeys.name(r.name());
            LabelledPage.Person person = open.stream().filter(p -> MatchKeys.name(p.name()).equals(key)).findFirst().orElse(null);
            if (person != null) {
                open.remove(person);
            }
            boolean faculty = person != null && person.faculty();
            records.add(new PageOutcome.ScoredRecord("professor", r.confidence(), faculty));
            String rank = AcademicTitles.rankOf(r.title());
            String url = MatchKeys.url(baseUri, r.profileUrl());
            if (!faculty) {
                mistakes.add("spurious professor: " + r.name() + " [" + r.title() + "]"
                        + (person != null ? " (labelled " + person.rank() + ")" : ""));
                scores.field(Scoreboard.NAME).spurious();
                claim(Scoreboard.RANK, rank, null, r.name());
                claim(Scoreboard.EMAIL, r.email(), null, r.name());
                claim(Scoreboard.PROFILE, Objects.equals(url, self) ? null : url, null, r.name());
                continue;
            }
            matchedFaculty.add(person);
            scores.field(Scoreboard.NAME).hit();
            claim(Scoreboard.RANK, rank, person.rank(), r.name() + " [" + r.title() + "]");
            if (SCORED_EMAIL_FORMS.contains(person.emailForm())) {
                claim(Scoreboard.EMAIL, r.email(), person.email(), r.name());
                claim(Scoreboard.EMAIL_FORM_PREFIX + person.emailForm(), r.email(), person.email(), r.name());
            }
            String expectedUrl = MatchKeys.url(baseUri, person.profileUrl());
            // The profile page itself is not a link on it: only judged when the label names one.
            if (expectedUrl != null || !Objects.equals(url, self)) {
                claim(Scoreboard.PROFILE, url, expectedUrl, r.name());
            }
        }
        for (LabelledPage.Person p : page.people()) {
            if (!p.faculty() || matchedFaculty.contains(p)) {
                continue;
            }
            mistakes.add("missed professor: " + p.name() + " [" + p.title() + "]");
            scores.field(Scoreboard.NAME).missed();
            claim(Scoreboard.RANK, null, p.rank(), p.name());
            if (SCORED_EMAIL_FORMS.contains(p.emailForm())) {
                claim(Scoreboard.EMAIL, null, p.email(), p.name());
                claim(Scoreboard.EMAIL_FORM_PREFIX + p.emailForm(), null, p.email(), p.name());
            }
            claim(Scoreboard.PROFILE, null, MatchKeys.url(baseUri, p.profileUrl()), p.name());
        }
    }

    private void papers(List<ExtractedPaper> extracted) {
        List<LabelledPage.Paper> open = new ArrayList<>(page.papers());
        for (ExtractedPaper r : extracted) {
            String key = MatchKeys.title(r.title());
            LabelledPage.Paper paper = open.stream().filter(p -> MatchKeys.title(p.title()).equals(key)).findFirst().orElse(null);
            records.add(new PageOutcome.ScoredRecord("paper", r.confidence(), paper != null));
            if (paper == null) {
                mistakes.add("spurious paper: " + r.title());
                scores.field(Scoreboard.PAPER).spurious();
                claim(Scoreboard.AUTHORS, r.authors().isEmpty() ? null : MatchKeys.authors(r.authors()), null, r.title());
                claim(Scoreboard.YEAR, r.year(), null, r.title());
                claim(Scoreboard.VENUE, venue(r.venue()), null, r.title());
                claim(Scoreboard.DOI, MatchKeys.doi(r.doi()), null, r.title());
                continue;
            }
            open.remove(paper);
            scores.field(Scoreboard.PAPER).hit();
            comparePaper(r, paper);
        }
        for (LabelledPage.Paper p : open) {
            mistakes.add("missed paper: " + p.title());
            scores.field(Scoreboard.PAPER).missed();
            claim(Scoreboard.AUTHORS, null, p.authors().isEmpty() ? null : MatchKeys.authors(p.authors()), p.title());
            claim(Scoreboard.YEAR, null, p.year(), p.title());
            claim(Scoreboard.VENUE, null, venue(p.venue()), p.title());
            claim(Scoreboard.DOI, null, MatchKeys.doi(p.doi()), p.title());
        }
    }

    private void comparePaper(ExtractedPaper r, LabelledPage.Paper p) {
        String what = "'" + Textual.shorten(p.title()) + "'";
        claim(Scoreboard.AUTHORS, r.authors().isEmpty() ? null : MatchKeys.authors(r.authors()),
                p.authors().isEmpty() ? null : MatchKeys.authors(p.authors()), what);
        claim(Scoreboard.YEAR, r.year(), p.year(), what);
        claim(Scoreboard.VENUE, venue(r.venue()), venue(p.venue()), what);
        claim(Scoreboard.DOI, MatchKeys.doi(r.doi()), MatchKeys.doi(p.doi()), what);
    }

    private static String venue(String v) {
        String k = MatchKeys.title(v);
        return k.isEmpty() ? null : k;
    }

    private void links(List<String> predicted) {
        if (!"navigation".equals(page.kind()) && page.facultyLinks().isEmpty()) {
            return; // only navigation pages are asked where the directory is
        }
        Set<String> expected = new LinkedHashSet<>();
        page.facultyLinks().forEach(l -> expected.add(MatchKeys.url(baseUri, l)));
        Set<String> got = new LinkedHashSet<>();
        predicted.forEach(l -> got.add(MatchKeys.url(baseUri, l)));
        for (String g : got) {
            if (expected.contains(g)) {
                scores.field(Scoreboard.LINKS).hit();
            } else {
                scores.field(Scoreboard.LINKS).spurious();
                mistakes.add("spurious faculty link: " + g);
            }
        }
        for (String e : expected) {
            if (!got.contains(e)) {
                scores.field(Scoreboard.LINKS).missed();
                mistakes.add("missed faculty link: " + e);
            }
        }
    }

    /** One field claim: right, wrong (spurious + missed), extra (spurious) or absent (missed). */
    private void claim(String field, Object got, Object expected, String what) {
        FieldScore s = scores.field(field);
        if (got == null && expected == null) {
            return;
        }
        if (Objects.equals(got, expected)) {
            s.hit();
            return;
        }
        if (got != null) {
            s.spurious();
        }
        if (expected != null) {
            s.missed();
        }
        if (!field.startsWith(Scoreboard.EMAIL_FORM_PREFIX) && !field.equals(Scoreboard.PAPER) && !field.equals(Scoreboard.NAME)) {
            mistakes.add(field + " of " + what + ": got " + got + ", expected " + expected);
        }
    }
}
