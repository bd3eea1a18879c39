package io.univinsight.extraction.eval;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Splits the real pages into two fixed halves by the site they came from, so that rules are written while
 * looking at one half ({@link #TUNING}) and the other ({@link #HELD_OUT}) tells what a site never looked at gets.
 * The split is a checksum of the site name: fixed, not chosen page by page, and pages of one site stay together.
 */
public final class SiteHalves {
    public static final String TUNING = "A";
    public static final String HELD_OUT = "B";

    private SiteHalves() {
    }

    public static String of(LabelledPage page) {
        CRC32 crc = new CRC32();
        crc.update(page.site().getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0 ? TUNING : HELD_OUT;
    }
}
