package io.univinsight.extraction;

import java.util.regex.Pattern;

/**
 * A pattern tried only on texts that hold one of its words: every match of the pattern holds one of them (letters A-Z
 * in either case, as {@code (?i)} reads them), so a text with none of them cannot match. Most headings and class names
 * hold none, and skip a find() that tries each alternative at each position. {@code GuardedPatternTests} holds each
 * guarded pattern of the extractors to what the bare pattern gives.
 */
final class GuardedPattern {
    private final Pattern pattern;
    private final String[] words;

    /** @param lowerWords lower case; every match of {@code regex} holds one of them */
    GuardedPattern(String regex, String... lowerWords) {
        this.pattern = Pattern.compile(regex);
        this.words = lowerWords;
    }

    /** {@code pattern().matcher(text).find()}. */
    boolean find(String text) {
        return Text.containsAnyIgnoreAsciiCase(text, words) && pattern.matcher(text).find();
    }

    /** {@code pattern().matcher(text).matches()}. */
    boolean matches(String text) {
        return Text.containsAnyIgnoreAsciiCase(text, words) && pattern.matcher(text).matches();
    }

    Pattern pattern() {
        return pattern;
    }
}
