package io.univinsight.taskapi.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a start URL is recrawled: a whole number of hours or days ("12h", "7d") or an
 * ISO-8601 duration ("PT12H", "P7D"), from 1 hour to 365 days. Shorter would hammer a site that
 * barely changes; longer is no schedule.
 */
public final class RecrawlInterval {
    public static final Duration MIN = Duration.ofHours(1);
    public static final Duration MAX = Duration.ofDays(365);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,7})([hd])");

    private RecrawlInterval() {
    }

    /** The interval, or IllegalArgumentException saying what is accepted. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required (e.g. \"7d\", \"12h\" or \"P7D\")");
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration every;
        Matcher shortForm = SHORT.matcher(value);
        if (shortForm.matches()) {
            long n = Long.parseLong(shortForm.group(1));
            every = shortForm.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
        } else if (value.startsWith("p")) {
            try {
                every = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not an ISO-8601 duration such as \"P7D\" or \"PT12H\"");
            }
        } else {
            throw new IllegalArgumentException("must be hours or days (\"12h\", \"7d\") or an ISO-8601 duration (\"P7D\")");
        }
        if (every.compareTo(MIN) < 0 || every.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("must be between 1h and 365d");
        }
        return every;
    }

    /** The short form shown back: "7d" for whole days, "12h" for whole hours, else ISO-8601. */
    public static String format(Duration every) {
        if (every.toDaysPart() > 0 && every.toSecondsPart() == 0 && every.toMinutesPart() == 0 && every.toHoursPart() == 0) {
            return every.toDays() + "d";
        }
        if (every.toSecondsPart() == 0 && every.toMinutesPart() == 0) {
            return every.toHours() + "h";
        }
        return every.toString();
    }
}
