package io.univinsight.extraction;

import java.util.Random;

/** Texts (or markup) glued from random pieces, for the tests that hold a fast reading equal to a plain one. */
final class RandomTexts {
    private RandomTexts() {
    }

    /** Up to {@code maxPieces - 1} pieces, each drawn from {@code pieces}. */
    static String of(Random random, String[] pieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(maxPieces); k > 0; k--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
