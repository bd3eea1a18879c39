package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.univinsight.identity.PaperIdentity;
import io.univinsight.identity.PersonIdentity;
import io.univinsight.identity.RecordIdentity;

/**
 * Collapses records that describe the same professor or the same paper, as the identity module
 * decides ({@link PersonIdentity}, {@link PaperIdentity}). Each field is taken from the most confident record that has it, so a directory card's
 * email and a profile page's title end up in one record.
 */
final class RecordMerger {
    private RecordMerger() {
    }

    static List<ExtractedProfessor> mergeProfessors(List<ExtractedProfessor> records) {
        return group(records, r -> PersonIdentity.identity(r.email(), r.name()))
                .stream().map(RecordMerger::combineProfessors).toList();
    }

    static List<ExtractedPaper> mergePapers(List<ExtractedPaper> records) {
        return group(records, r -> PaperIdentity.identity(r.doi(), r.title()))
                .stream().map(RecordMerger::combinePapers).toList();
    }

    /**
     * Groups records in first-seen order; a record joins the first group holding a matching record
     * ({@link RecordIdentity#matches}). The groups holding a match are found through three maps of the keys seen so far,
     * each to the first group holding such a key, not by comparing with every key: a publication list of a few hundred
     * papers made that quadratic.
     */
    static <T> List<List<T>> group(List<T> records, Function<T, RecordIdentity> keyOf) {
        List<List<T>> groups = new ArrayList<>();
        Map<String, Integer> byStrong = new HashMap<>();
        Map<String, Integer> byWeakWithoutStrong = new HashMap<>(); // a weak id matches these whatever the new key's strong id
        Map<String, Integer> byWeak = new HashMap<>();              // and these too when the new key has no strong id
        for (T r : records) {
            RecordIdentity key = keyOf.apply(r);
            int home = Integer.MAX_VALUE;
            boolean hasWeak = !key.weak().isEmpty();
            if (key.strong() != null) {
                home = byStrong.getOrDefault(key.strong(), home);
                if (hasWeak) {
                    home = Math.min(home, byWeakWithoutStrong.getOrDefault(key.weak(), Integer.MAX_VALUE));
                }
            } else if (hasWeak) {
                home = byWeak.getOrDefault(key.weak(), home);
            }
            if (home == Integer.MAX_VALUE) {
                groups.add(new ArrayList<>());
                home = groups.size() - 1;
            }
            groups.get(home).add(r);
            if (key.strong() != null) {
                byStrong.merge(key.strong(), home, Math::min);
            } else if (hasWeak) {
                byWeakWithoutStrong.merge(key.weak(), home, Math::min);
            }
            if (hasWeak) {
                byWeak.merge(key.weak(), home, Math::min);
            }
        }
        return groups;
    }

    private static ExtractedProfessor combineProfessors(List<ExtractedProfessor> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        List<ExtractedProfessor> best = sorted(group, ExtractedProfessor::confidence);
        return new ExtractedProfessor(
                pick(best, ExtractedProfessor::name),
                pick(best, ExtractedProfessor::title),
                pick(best, ExtractedProfessor::email),
                pick(best, ExtractedProfessor::department),
                pick(best, ExtractedProfessor::profileUrl),
                best.get(0).confidence(),
                extractors(group.stream().map(ExtractedProfessor::extractor).toList()),
                best.get(0).evidence(),
                pick(best, ExtractedProfessor::emailImageUrl)); // dropped by the record when another one has a text email
    }

    private static ExtractedPaper combinePapers(List<ExtractedPaper> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        List<ExtractedPaper> best = sorted(group, ExtractedPaper::confidence);
        // The longest author list is the most complete one (others may be truncated with "et al.").
        List<String> authors = best.stream().map(ExtractedPaper::authors)
                .max(Comparator.comparingInt(List::size)).orElse(List.of());
        Integer year = best.stream().map(ExtractedPaper::year).filter(y -> y != null).findFirst().orElse(null);
        return new ExtractedPaper(
                pick(best, ExtractedPaper::title),
                authors,
                year,
                pick(best, ExtractedPaper::venue),
                pick(best, ExtractedPaper::doi),
                pick(best, ExtractedPaper::url),
                best.get(0).confidence(),
                extractors(group.stream().map(ExtractedPaper::extractor).toList()),
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
