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
        return group(records, r -> new Key(r.email(), PersonNames.normalize(r.name())))
                .stream().map(RecordMerger::combineProfessors).toList();
    }

    static List<PaperRecord> mergePapers(List<PaperRecord> records) {
        return group(records, r -> new Key(r.doi() == null ? null : r.doi().toLowerCase(Locale.ROOT), titleKey(r.title())))
                .stream().map(RecordMerger::combinePapers).toList();
    }

    /**
     * Identity of a record: a strong id (email / DOI) and a weak one (normalised name / title).
     * Equal strong ids always match; differing strong ids never do (two "J. Kim"s with different
     * mailboxes are two people); otherwise equal weak ids match.
     */
    private record Key(String strong, String weak) {
        boolean matches(Key o) {
            if (strong != null && o.strong != null) {
                return strong.equals(o.strong);
            }
            return !weak.isEmpty() && weak.equals(o.weak);
        }
    }

    /** Groups records in first-seen order; a record joins the first group holding a matching record. */
    private static <T> List<List<T>> group(List<T> records, Function<T, Key> keyOf) {
        List<List<T>> groups = new ArrayList<>();
        List<List<Key>> groupKeys = new ArrayList<>();
        for (T r : records) {
            Key key = keyOf.apply(r);
            int home = -1;
            for (int g = 0; g < groups.size() && home < 0; g++) {
                for (Key k : groupKeys.get(g)) {
                    if (k.matches(key)) {
                        home = g;
                        break;
                    }
                }
            }
            if (home < 0) {
                groups.add(new ArrayList<>());
                groupKeys.add(new ArrayList<>());
                home = groups.size() - 1;
            }
            groups.get(home).add(r);
            groupKeys.get(home).add(key);
        }
        return groups;
    }

    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]");

    static String titleKey(String title) {
        if (title == null) {
            return "";
        }
        String key = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(key).replaceAll("");
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
