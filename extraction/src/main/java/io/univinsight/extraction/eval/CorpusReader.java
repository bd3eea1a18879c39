package io.univinsight.extraction.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.univinsight.extraction.Json;

/** Loads every {@code PAGE.expected.json} under a folder (recursively) together with its page. */
public final class CorpusReader {
    static final String SUFFIX = ".expected.json";
    static final String LANGUAGES = "LANG.tsv";

    private CorpusReader() {
    }

    public static List<LabelledPage> read(Path dir) {
        List<Path> labels;
        try (Stream<Path> walk = Files.walk(dir)) {
            labels = walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<LabelledPage> pages = new ArrayList<>();
        Map<Path, Map<String, String>> languagesByFolder = new HashMap<>();
        for (Path label : labels) {
            String name = label.getFileName().toString();
            Path page = label.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
            if (Files.isRegularFile(page)) {
                Map<String, String> languages = languagesByFolder.computeIfAbsent(label.getParent(), CorpusReader::languages);
                pages.add(parse(label, page, languages.get(page.getFileName().toString())));
            }
        }
        return pages;
    }

    /** {@code LANG.tsv}: one "file TAB language" line per page; absent file, no entries. */
    private static Map<String, String> languages(Path folder) {
        Path tsv = folder.resolve(LANGUAGES);
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(tsv)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                String[] cells = line.split("\t");
                if (cells.length >= 2 && !cells[0].isBlank()) {
                    out.put(cells[0].trim(), cells[1].trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tsv, e);
        }
        return out;
    }

    private static LabelledPage parse(Path label, Path page, String listedLanguage) {
        Map<?, ?> root;
        try {
            root = (Map<?, ?>) Json.parse(Files.readString(label, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + label, e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("bad label file " + label + ": " + e.getMessage(), e);
        }
        String source = str(root.get("source"));
        boolean written = Boolean.TRUE.equals(root.get("written")) || (source != null && source.startsWith("written/"));
        List<LabelledPage.Person> people = new ArrayList<>();
        for (Object o : list(root.get("people"))) {
            Map<?, ?> p = (Map<?, ?>) o;
            String email = str(p.get("email"));
            people.add(new LabelledPage.Person(str(p.get("name")), str(p.get("title")), str(p.get("rank")),
                    Boolean.TRUE.equals(p.get("is_faculty")), email == null ? null : email.toLowerCase(Locale.ROOT),
                    str(p.get("email_form")), str(p.get("profile_url"))));
        }
        List<LabelledPage.Paper> papers = new ArrayList<>();
        for (Object o : list(root.get("papers"))) {
            Map<?, ?> p = (Map<?, ?>) o;
            List<String> authors = list(p.get("authors")).stream().map(CorpusReader::str).toList();
            Object year = p.get("year");
            String doi = str(p.get("doi"));
            papers.add(new LabelledPage.Paper(str(p.get("title")), authors,
                    year instanceof Number n ? Integer.valueOf(n.intValue()) : null, str(p.get("venue")),
                    doi == null ? null : doi.toLowerCase(Locale.ROOT)));
        }
        List<String> links = list(root.get("faculty_links")).stream().map(CorpusReader::str).toList();
        String language = listedLanguage != null ? listedLanguage : str(root.get("language"));
        return new LabelledPage(source == null ? page.getFileName().toString() : source, page, written,
                str(root.get("kind")), str(root.get("department")), language == null ? "und" : language, people, papers,
                links);
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
