package io.univinsight.crawler.ocr;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;

/**
 * Reads the address in an email picture: fetched the way the crawler fetches anything (the caller's
 * {@link ImageFetch}: SSRF guard, robots.txt, politeness) with a byte limit and image types only,
 * scaled up, read by tesseract, and taken only when two reads at different scales give the same
 * address of the page's domain family ({@link EmailReadingRule}); when they differ a third read decides
 * between them. One read alone took a wrong address on the benchmark (an l read as 1 in the local part,
 * where no domain check can see it); two reads that must agree did not.
 */
public final class EmailImageReader {
    /** No OCR: every picture is left unread. */
    public static final EmailImageReader NONE = new EmailImageReader(null, 0, OcrMeter.NONE);

    /** Text heights (px) the picture is scaled to for the first, second and deciding read. */
    private static final int[] TEXT_HEIGHTS = {60, 45, 80};
    private static final double MAX_FACTOR = 8;
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/jpg", "image/gif", "image/bmp");

    private final Tesseract tesseract;
    private final int maxImageBytes;
    private final OcrMeter meter;

    public EmailImageReader(Tesseract tesseract, int maxImageBytes, OcrMeter meter) {
        this.tesseract = tesseract;
        this.maxImageBytes = maxImageBytes;
        this.meter = meter;
    }

    /** How a picture is fetched: through the crawler's guarded, polite fetch, reading at most maxBytes. */
    @FunctionalInterface
    public interface ImageFetch {
        FetchedPage fetch(String url, int maxBytes) throws FetchFailure, InterruptedException;
    }

    /** Where OCR counts go (Prometheus in the service). */
    @FunctionalInterface
    public interface OcrMeter {
        OcrMeter NONE = outcome -> { };

        /** One picture read: accepted, rejected (read, but not an address of the page's family) or failed. */
        void read(String outcome);
    }

    /** What became of one picture: the accepted address (or null), and why. */
    public record Reading(String email, String outcome, String detail) {
        public static final String ACCEPTED = "accepted";
        public static final String REJECTED = "rejected";
        public static final String FAILED = "failed";
    }

    public boolean enabled() {
        return tesseract != null;
    }

    /** Reads the picture at imageUrl, shown on the page at pageUrl. */
    public Reading read(String imageUrl, String pageUrl, ImageFetch fetch) throws InterruptedException {
        return read(imageUrl, pageUrl, Set.of(), fetch);
    }

    /**
     * Reads the picture at imageUrl, shown on the page at pageUrl, which writes addresses at
     * textDomains as text (its mailto links, its people's text emails): those join the page host's family.
     */
    public Reading read(String imageUrl, String pageUrl, Set<String> textDomains, ImageFetch fetch) throws InterruptedException {
        Reading reading = readUncounted(imageUrl, pageUrl, textDomains, fetch);
        meter.read(reading.outcome());
        return reading;
    }

    private Reading readUncounted(String imageUrl, String pageUrl, Set<String> textDomains, ImageFetch fetch)
            throws InterruptedException {
        if (!enabled()) {
            return new Reading(null, Reading.FAILED, "OCR is off");
        }
        Set<String> family = new java.util.TreeSet<>(textDomains);
        try {
            String pageHost = URI.create(pageUrl).getHost();
            if (pageHost != null) {
                family.add(pageHost);
            }
        } catch (IllegalArgumentException e) {
            // no host of its own: the page's text domains alone
        }
        FetchedPage image;
        try {
            image = fetch.fetch(imageUrl, maxImageBytes);
        } catch (FetchFailure f) {
            return new Reading(null, Reading.FAILED, f.getMessage());
        }
        if (!isImageType(image.contentType())) {
            return new Reading(null, Reading.FAILED, "not an image: " + image.contentType());
        }
        if (image.truncated()) {
            return new Reading(null, Reading.FAILED, "over " + maxImageBytes + " bytes");
        }
        BufferedImage picture = OcrImages.decode(image.body());
        if (picture == null) {
            return new Reading(null, Reading.FAILED, "not a readable image");
        }
        try {
            return agreedAddress(picture, family);
        } catch (Tesseract.OcrFailure e) {
            return new Reading(null, Reading.FAILED, e.getMessage());
        }
    }

    /** Two reads agreeing on an accepted address; a third read only when the first two differ. */
    private Reading agreedAddress(BufferedImage picture, Set<String> family) throws Tesseract.OcrFailure, InterruptedException {
        String[] reads = new String[TEXT_HEIGHTS.length];
        String[] addresses = new String[TEXT_HEIGHTS.length];
        for (int i = 0; i < TEXT_HEIGHTS.length; i++) {
            double factor = Math.max(1, Math.min(MAX_FACTOR, (double) TEXT_HEIGHTS[i] / picture.getHeight()));
            reads[i] = tesseract.read(OcrImages.scaled(picture, factor)).strip();
            addresses[i] = EmailReadingRule.accept(reads[i], family);
            for (int j = 0; j < i; j++) {
                if (addresses[i] != null && addresses[i].equals(addresses[j])) {
                    return new Reading(addresses[i], Reading.ACCEPTED, "read " + (i + 1) + " times");
                }
            }
            if (i == 1 && Objects.equals(reads[0], reads[1])) {
                break; // the same text twice, and not an address of the page's family: a third read cannot change that
            }
        }
        return new Reading(null, Reading.REJECTED, "reads " + String.join(" | ", nonNull(reads)) + " on a page of " + family);
    }

    private static String[] nonNull(String[] reads) {
        return java.util.Arrays.stream(reads).filter(Objects::nonNull).toArray(String[]::new);
    }

    private static boolean isImageType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        return IMAGE_TYPES.contains((semicolon >= 0 ? type.substring(0, semicolon) : type).strip());
    }
}
