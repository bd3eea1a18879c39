package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The HTML pages of the written corpus and, where it sits beside the project, the real one (../shared/corpus), sorted:
 * the markup the tests that hold a fast reading equal to jsoup's run over.
 */
final class CorpusPages {
    private CorpusPages() {
    }

    static List<Path> all() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/corpus"), Path.of("../../shared/corpus"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    pages.addAll(walk.filter(p -> p.toString().endsWith(".html")).sorted().toList());
                }
            }
        }
        assertTrue(pages.size() >= 50, "corpus pages found: " + pages.size());
        return pages;
    }
}
