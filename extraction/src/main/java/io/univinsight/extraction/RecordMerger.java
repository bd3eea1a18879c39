package io.univinsight.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Collapses records that describe the same professor (same email, or same normalised name without
 * conflicting emails) or the same paper (same DOI, or same normalised title without conflicting
 * DOIs). Each field is taken from the most confident record that has it, so a directory card's
 * email and a profile page's title end up in one record.
 */
final class RecordMerger {
    private RecordMerger() {
    }

    static List<ProfessorRecord> mergeProfessors(List<ProfessorRecord> records) {
        List<List<ProfessorRecord>> groups = new ArrayList<>();
        for (ProfessorRecord r : records) {
            List<ProfessorRecord> home = null;
            for (List<ProfessorRecord> g : groups) {
                if (g.stream().anyMatch(o -> samePerson(o, r))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                groups.add(home = new ArrayList<>());
            }
            home.add(r);
        }
        return groups.stream().map(RecordMerger::combineProfessors).toList();
    }

    static List<PaperRecord> mergePapers(List<PaperRecord> records) {
        List<List<PaperRecord>> groups = new ArrayList<>();
        for (PaperRecord r : records) {
            List<PaperRecord> home = null;
            for (List<PaperRecord> g : groups) {
                if (g.stream().anyMatch(o -> samePaper(o, r))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                groups.add(home = new ArrayList<>());
            }
            home.add(r);
        }
        return groups.stream().map(RecordMerger::combinePapers).toList();
    }

    private static boolean samePerson(ProfessorRecord a, ProfessorRecord b) {
        if (a.email() != null && b.email() != null) {
            return a.email().equals(b.email()); // two "J. Kim"s with different mailboxes are two people
        }
        String na = PersonNames.normalize(a.name());
        return !na.isEmpty() && na.equals(PersonNames.normalize(b.name()));
    }

    private static boolean samePaper(PaperRecord a, PaperRecord b) {
        if (a.doi() != null && b.doi() != null) {
            return a.doi().equalsIgnoreCase(b.doi());
        }
        String ta = titleKey(a.title());
        return !ta.isEmpty() && ta.equals(titleKey(b.title()));
    }

    static String titleKey(String title) {
        if (title == null) {
            return "";
        }
        return Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static ProfessorRecord combineProfessors(List<ProfessorRecord> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        List<ProfessorRecord> best = sorted(group, ProfessorRecord::confidence);
        return new ProfessorRecord(
                pick(best, ProfessorRecord::name),
                pick(best, ProfessorRecord::title),
                pick(best, ProfessorRecord::email),
                pick(best, ProfessorRecord::department),
                pick(best, ProfessorRecord::profileUrl),
                best.get(0).confidence(),
                extractors(group.stream().map(ProfessorRecord::extractor).toList()),
                best.get(0).evidence());
    }

    private static PaperRecord combinePapers(List<PaperRecord> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        List<PaperRecord> best = sorted(group, PaperRecord::confidence);
        // The longest author list is the most complete one (others may be truncated with "et al.").
        List<String> authors = best.stream().map(PaperRecord::authors)
                .max(Comparator.comparingInt(List::size)).orElse(List.of());
        Integer year = best.stream().map(PaperRecord::year).filter(y -> y != null).findFirst().orElse(null);
        return new PaperRecord(
                pick(best, PaperRecord::title),
                authors,
                year,
                pick(best, PaperRecord::venue),
                pick(best, PaperRecord::doi),
                pick(best, PaperRecord::url),
                best.get(0).confidence(),
                extractors(group.stream().map(PaperRecord::extractor).toList()),
                best.get(0).evidence());
    }

    /** Highest confidence first; ties keep their original (page) order. */
    private static <T> List<T> sorted(List<T> group, Function<T, Double> confidence) {
        List<T> copy = new ArrayList<>(group);
        copy.sort(Comparator.comparing(confidence).reversed());
        return copy;
    }

    /** First non-blank value in confidence order. */
    private static <T> String pick(List<T> best, Function<T, String> field) {
        for (T r : best) {
            String v = field.apply(r);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String extractors(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n != null) {
                out.addAll(List.of(n.split("\\+")));
            }
        }
        return String.join("+", out);
    }
}
