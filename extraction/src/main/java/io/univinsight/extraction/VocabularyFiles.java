package io.univinsight.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the data files under {@code vocabulary/} (UTF-8; blank lines and lines starting with "#" skipped). */
final class VocabularyFiles {
    private static final String FOLDER = "vocabulary/";

    private VocabularyFiles() {
    }

    static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = VocabularyFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vocabulary file " + FOLDER + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary file " + name, e);
        }
        return out;
    }
}
